import { beforeAll, describe, expect, it } from 'vitest';
import { fillIn, linksIn, openLink } from '../../infra/local/mailbox-links';
import type { SeededFunder } from '../../infra/local/scenario';
import { nextLondonNine } from '../../shared/contracts/alerts';
import { type ContractView, getContract, mailTo } from '../support/contract';
import { inDays } from '../support/grant';
import { errorSummary, type PageClient, signInAs } from '../support/pages';
import { useTestStack } from '../support/use-stack';

/**
 * A council's contracts from the browser, as its staff use them with JavaScript off (issue 25):
 * registering one as a task list, adding milestones and KPIs to one that has none, amending it,
 * changing its status and setting the council's policy. Each sends through the JSON route's own
 * schema and use case; mistakes and the domain's refusals are named by the page's labels, on the
 * question that asks for the answer, and nothing is written until the whole is right.
 */
const { stack, funders } = useTestStack({ seed: true });
let staff: PageClient;
const council = () => funders[0] as SeededFunder;
const list = () => `/app/councils/${council().org.id}/contracts`;
const newContract = () => `${list()}/new`;

/** An ISO date as the GOV.UK date input's three boxes. */
const boxes = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-') as [string, string, string];
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y };
};
/** The fields that add one milestone, `at` its place in the form's list ('milestones.0'): [deliverable, evidence asked for]. */
const milestoneFields = (at: string, title: string, type: string, due: string, [deliverable, evidence]: [string, string]) => ({
  do: 'add',
  [`${at}.title`]: title,
  [`${at}.type`]: type,
  ...boxes(`${at}.dueDate`, due),
  [`${at}.deliverable`]: deliverable,
  [`${at}.evidenceRequested`]: evidence,
});
const post = async (path: string, page: string, fields: Record<string, string>) =>
  staff.post(`${path}?page=${page}`, { page, ...fields, csrf: await staff.csrf() });
/** The error summary's entries, [field, message], whether they link to this page or to a question's. */
const summary = (html: string) =>
  [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/<a href="([^"#]*)#([^"]+)">([^<]+)<\/a>/g)].map(
    (m) => [m[2], (m[3] as string).replace(/&#39;/g, "'").replace(/&quot;/g, '"'), (m[1] as string).replace(/&amp;/g, '&')],
  );
const day = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

beforeAll(async () => {
  staff = await signInAs(stack, council().admin.email);
});

describe('registering a contract on the pages', () => {
  const supplier = 'journeys@wyvern-va.example.org';
  const start = () => inDays(stack, -60);
  const end = () => inDays(stack, 300);

  it('is offered to the council’s officers only: a viewer and another organisation get the not-found page', async () => {
    const page = (await staff.get(list())).html;
    expect(page).toContain(`href="${newContract()}"`);
    expect(page).toContain(`href="/app/councils/${council().org.id}/contract-policy"`);
    const viewer = await stack.api.call<{ user: { email: string } }>(stack.admin, 'POST', `/organisations/${council().org.id}/members`, {
      email: 'viewer-journeys@wyvernshire.example.org',
      name: 'Vera Viewer',
      role: 'viewer',
    });
    const viewing = await signInAs(stack, viewer.user.email);
    const seen = (await viewing.get(list())).html;
    expect(seen).not.toContain(newContract());
    expect(seen).not.toContain('contract-policy');
    expect((await viewing.get(newContract())).status).toBe(404);
    expect((await viewing.get(`/app/councils/${council().org.id}/contract-policy`)).status).toBe(404);
    const outsider = await signInAs(stack, (funders[1] as SeededFunder).admin.email);
    expect((await outsider.get(newContract())).status).toBe(404);
  });

  it('takes the contract as a task list; each mistake named on its question page; nothing written until it is right', async () => {
    const before = await stack.itemCount();
    const empty = await post(newContract(), 'contract', {});
    expect(empty.status).toBe(400);
    expect(summary(empty.html).map(([f, m]) => [f, m])).toEqual([
      ['title', 'Enter the contract title'],
      ['value', 'Enter the value of the contract'],
      ['period.startDate-day', 'Enter the start date'],
      ['period.endDate-day', 'Enter the end date'],
      ['status', 'Select whether the contract is signed'],
    ]);
    const wrong = await post(newContract(), 'contract', {
      title: 't'.repeat(201),
      value: '90,000.505',
      ...boxes('period.startDate', start()),
      'period.endDate-day': '31',
      'period.endDate-month': '2',
      'period.endDate-year': '2027',
      status: 'active',
    });
    // What could not be read comes first, then what the schema refuses.
    expect(summary(wrong.html).map(([f, m]) => [f, m])).toEqual([
      ['value', 'Value must be in pounds and pence, with no more than 2 decimal places'],
      ['period.endDate-day', 'End date must be a real date'],
      ['title', 'Contract title must be 200 characters or fewer'],
    ]);
    expect(wrong.html).toContain('t'.repeat(201));
    const details = {
      title: 'Community hubs support',
      description: 'Support for the three community hubs.',
      value: '£90,000',
      ...boxes('period.startDate', start()),
      ...boxes('period.endDate', end()),
      status: 'active',
    };
    expect((await post(newContract(), 'contract', details)).location).toBe(newContract());

    const badEmail = await post(newContract(), 'supplier', {
      'supplier.name': 'Wyvern Voluntary Action',
      'supplier.email': 'not an email',
    });
    expect(summary(badEmail.html).map(([f, m]) => [f, m])).toEqual([
      ['supplier.email', 'Enter supplier email address in the correct format, like name@example.org'],
    ]);
    await post(newContract(), 'supplier', {
      'supplier.name': 'Wyvern Voluntary Action',
      'supplier.email': supplier,
      'supplier.identifier': 'GB-CHC-1077001',
    });
    await post(newContract(), 'funding', { 'funding.kind': 'council' });

    // Payments, one at a time: an item that cannot be added stays in its boxes, named.
    const noAmount = await post(newContract(), 'payments', { do: 'add', ...boxes('payments.0.dueDate', inDays(stack, -30)) });
    expect(summary(noAmount.html).map(([f, m]) => [f, m])).toEqual([['payments.0.amount', 'Enter the amount of the payment']]);
    await post(newContract(), 'payments', { do: 'add', 'payments.0.amount': '50,000', ...boxes('payments.0.dueDate', inDays(stack, -30)) });
    await post(newContract(), 'payments', { do: 'continue' });

    // Milestones: the first already overdue, releasing payment 1; the second in two months.
    const milestone = (i: number, title: string, due: string, extra: Record<string, string> = {}) => ({
      ...milestoneFields(`milestones.${i}`, title, 'delivery', due, [
        'Twelve groups supported with governance reviews.',
        'The list of groups and their reviews.',
      ]),
      ...extra,
    });
    const blank = await post(newContract(), 'milestones', { do: 'add' });
    expect(summary(blank.html).map(([f, m]) => [f, m])).toEqual([
      ['milestones.0.title', 'Enter the milestone title'],
      ['milestones.0.type', 'Select the type of milestone'],
      ['milestones.0.dueDate-day', 'Enter the due date'],
      ['milestones.0.deliverable', 'Enter what the supplier delivers'],
      ['milestones.0.evidenceRequested', 'Enter the evidence asked for'],
    ]);
    const badPayment = await post(
      newContract(),
      'milestones',
      milestone(0, 'Governance reviews', inDays(stack, -5), { 'milestones.0.payment': 'one' }),
    );
    expect(summary(badPayment.html).map(([f, m]) => [f, m])).toEqual([
      ['milestones.0.payment', 'Payment it releases must be a whole number, like 12'],
    ]);
    await post(newContract(), 'milestones', milestone(0, 'Governance reviews', inDays(stack, -5), { 'milestones.0.payment': '1' }));
    await post(newContract(), 'milestones', milestone(1, 'Hub report', inDays(stack, 400)));
    await post(newContract(), 'milestones', { do: 'continue' });
    await post(newContract(), 'kpis', { do: 'add', 'kpis.0.name': 'Groups supported', 'kpis.0.target': '120 a year' });
    await post(newContract(), 'kpis', { do: 'continue' });
    expect(await stack.itemCount()).toBe(before + 1); // the draft beside the session, nothing else

    // Check and send: the domain's refusals, each against the question that asks for it.
    const check = await staff.get(`${newContract()}?page=check`);
    expect(check.html).toContain('Governance reviews (delivery), due');
    expect(check.html).toContain('£50,000.00 on');
    const refused = await post(newContract(), 'check', {});
    expect(refused.status).toBe(400);
    expect(summary(refused.html)).toEqual([
      [
        'payments',
        "Payment schedule: the payments add up to £50,000.00; they must add up to the contract's value, £90,000.00",
        `${newContract()}?page=payments&return=check`,
      ],
      [
        'milestones.1.dueDate-day',
        `Due date: ${day(inDays(stack, 400))} is outside the contract period, ${day(start())} to ${day(end())}`,
        `${newContract()}?page=milestones&return=check`,
      ],
    ]);
    expect(await stack.itemCount()).toBe(before + 1);

    // Put right: the second payment added, the second milestone removed and added again within the contract.
    await post(newContract(), 'payments', { do: 'add', 'payments.1.amount': '40000', ...boxes('payments.1.dueDate', inDays(stack, 90)) });
    await post(newContract(), 'milestones', { do: 'remove-1' });
    await post(newContract(), 'milestones', milestone(1, 'Hub report', inDays(stack, 60)));
    const sent = await post(newContract(), 'check', {});
    expect(sent.status).toBe(303);
    const id = /created=([0-9A-Z]{26})/.exec(sent.location ?? '')?.[1] as string;
    const done = await staff.get(sent.location as string);
    expect(done.html).toContain('Contract registered');
    expect(done.html).toContain(`href="/app/contracts/${id}"`);

    const c = await getContract(stack, council(), id);
    expect(c).toMatchObject({
      title: 'Community hubs support',
      value: 9_000_000,
      period: { startDate: start(), endDate: end() },
      status: 'active',
      funding: { kind: 'council' },
      supplier: { name: 'Wyvern Voluntary Action', email: supplier, identifier: 'GB-CHC-1077001' },
      payments: [
        { id: 'P1', amount: 5_000_000, dueDate: inDays(stack, -30) },
        { id: 'P2', amount: 4_000_000, dueDate: inDays(stack, 90) },
      ],
      kpis: [{ id: 'K1', name: 'Groups supported', target: '120 a year' }],
    });
    expect(c.milestones.map((m) => [m.id, m.title, m.dueDate, m.paymentId])).toEqual([
      ['M1', 'Governance reviews', inDays(stack, -5), 'P1'],
      ['M2', 'Hub report', inDays(stack, 60), undefined],
    ]);
    expect((await staff.get(`${newContract()}?page=check`)).html).not.toContain('Governance reviews');

    // The overdue milestone's alert goes at the next 09:00 London, not before, with a link that works.
    await stack.runtime.settle();
    const nine = nextLondonNine(stack.clock.now());
    await stack.runtime.advanceTo(new Date(nine.getTime() - 60_000));
    await stack.runtime.settle();
    expect(await mailTo(stack, supplier, /Governance reviews/)).toHaveLength(0);
    await stack.runtime.advanceTo(new Date(nine.getTime() + 60_000));
    await stack.runtime.settle();
    const [overdue] = await mailTo(stack, supplier, /Governance reviews/);
    expect(overdue?.subject).toMatch(/^Overdue: /);
    const url = linksIn(overdue, 'milestone')[0] as string;
    expect((await openLink(url)).html).toContain('Governance reviews');
    expect((await fillIn(url, { text: 'Twelve reviews done.' })).status).toBe(200);
    expect(await mailTo(stack, supplier, /Hub report/)).toHaveLength(0);
    // The council's own alert links to where it acts: the contract's milestones.
    const [toCouncil] = await mailTo(stack, council().org.contactEmail, /Governance reviews/);
    expect(toCouncil?.body.text).toContain(`/app/contracts/${id}/milestones`);
  });
});

describe('a contract that came with no milestones or KPIs', () => {
  let c: ContractView;
  const at = (rest: string) => `/app/contracts/${c.id}/${rest}`;

  beforeAll(async () => {
    // The registration's test moved the clock past 09:00 the next day: a session ends 8 hours after its last request.
    staff = await signInAs(stack, council().admin.email);
    // As a tender's award makes it: no milestones, no KPIs, no schedule.
    c = await stack.api.call<ContractView>(council().admin, 'POST', `/councils/${council().org.id}/contracts`, {
      title: 'Awarded support',
      supplier: { name: 'Eastbrook Advice', email: 'awarded@eastbrook.example.org' },
      value: 3_000_000,
      period: { startDate: inDays(stack, 0), endDate: inDays(stack, 365) },
    });
  });

  it('shows the sub-pages, each marked in the sub-navigation, with the way to add them', async () => {
    const overview = await staff.get(`/app/contracts/${c.id}`);
    expect(overview.html).toContain(`<a class="grantloop-sub-navigation__link" href="/app/contracts/${c.id}" aria-current="page">`);
    for (const part of ['milestones', 'kpis', 'payments']) {
      const page = await staff.get(at(part));
      expect(page.status).toBe(200);
      expect(page.html).toContain(`href="/app/contracts/${c.id}/${part}" aria-current="page"`);
      expect(page.html).not.toContain(`href="/app/contracts/${c.id}" aria-current="page"`);
    }
    expect((await staff.get(at('milestones'))).html).toContain(`href="${at('milestones/new')}"`);
    expect((await staff.get(at('kpis'))).html).toContain(`href="${at('milestones/new')}"`);
  });

  it('adds milestones and KPIs by amendment: duplicates and dates outside the contract refused on their question', async () => {
    const path = at('milestones/new');
    const item = (i: number, title: string, due: string) =>
      milestoneFields(`addMilestones.${i}`, title, 'reporting', due, ['A report on the first quarter.', 'The report.']);
    expect((await staff.get(path)).html).toContain('The contract has no milestones yet.');
    await post(path, 'milestones', item(0, 'First quarter report', inDays(stack, 400)));
    await post(path, 'milestones', { do: 'continue' });
    await post(path, 'kpis', { do: 'add', 'addKpis.0.name': 'People advised', 'addKpis.0.target': '300 a year' });
    await post(path, 'kpis', { do: 'add', 'addKpis.1.name': 'people advised', 'addKpis.1.target': '300 a year' });
    await post(path, 'kpis', { do: 'continue' });
    const noWhy = await post(path, 'why', { why: '' });
    expect(summary(noWhy.html).map(([f, m]) => [f, m])).toEqual([['why', 'Enter the reason for the change']]);
    await post(path, 'why', { why: 'Set after the award' });
    const refused = await post(path, 'check', {});
    expect(summary(refused.html)).toEqual([
      [
        'addMilestones.0.dueDate-day',
        `Due date: ${day(inDays(stack, 400))} is outside the contract period, ${day(inDays(stack, 0))} to ${day(inDays(stack, 365))}`,
        `${path}?page=milestones&return=check`,
      ],
    ]);
    await post(path, 'milestones', { do: 'remove-0' });
    await post(path, 'milestones', item(0, 'First quarter report', inDays(stack, 90)));
    const twice = await post(path, 'check', {});
    expect(summary(twice.html)).toEqual([
      ['addKpis.1.name', 'KPI name: KPI "people advised" is listed twice', `${path}?page=kpis&return=check`],
    ]);
    await post(path, 'kpis', { do: 'remove-1' });
    const sent = await post(path, 'check', {});
    expect(sent.status).toBe(303);
    expect((await staff.get(sent.location as string)).html).toContain('Milestones and KPIs added');

    const after = await getContract(stack, council(), c.id);
    expect(after.milestones.map((m) => [m.id, m.title, m.dueDate])).toEqual([['M1', 'First quarter report', inDays(stack, 90)]]);
    expect(after.kpis.map((k) => [k.id, k.name, k.target])).toEqual([['K1', 'People advised', '300 a year']]);
    expect(after.amendments.at(-1)).toMatchObject({
      why: 'Set after the award',
      changes: [
        { field: 'milestones.M1', from: '', to: `First quarter report, due ${inDays(stack, 90)}` },
        { field: 'kpis.K1', from: '', to: 'People advised (target: 300 a year)' },
      ],
    });
    expect((await staff.get(at('milestones'))).html).toContain('Decide M1: First quarter report');
    expect((await staff.get(at('kpis'))).html).toContain('People advised (target: 300 a year)');
  });

  it('amends the value and moves a milestone; a change to nothing is refused against the reason', async () => {
    const path = at('amendments/new');
    expect((await staff.get(path)).html).toContain('New due date of M1');
    await post(path, 'change', {});
    await post(path, 'why', { why: 'Nothing really' });
    const nothing = await post(path, 'check', {});
    expect(summary(nothing.html).map(([f, m]) => [f, m])).toEqual([['why', 'Reason for the change: the amendment changes nothing']]);
    await post(path, 'change', { value: '33,000', ...boxes('dueDates.M1', inDays(stack, 100)), return: 'check' });
    const check = await staff.get(`${path}?page=check`);
    expect(check.html).toContain('Value: £30,000.00 to £33,000.00');
    expect(check.html).toContain(`M1 First quarter report: due ${day(inDays(stack, 90))} to ${day(inDays(stack, 100))}`);
    await post(path, 'why', { why: 'A fourth hub' });
    const sent = await post(path, 'check', {});
    expect((await staff.get(sent.location as string)).html).toContain('The contract is now worth £33,000.00');
    const after = await getContract(stack, council(), c.id);
    expect([after.value, after.milestones[0]?.dueDate, after.amendments.at(-1)?.why]).toEqual([
      3_300_000,
      inDays(stack, 100),
      'A fourth hub',
    ]);
    // The overview's history in words: pounds and dates as people read them, not the record's pence and ISO dates.
    const overview = (await staff.get(`/app/contracts/${c.id}`)).html;
    expect(overview).toContain(`Value: £30,000.00 → £33,000.00; M1 due date: ${day(inDays(stack, 90))} → ${day(inDays(stack, 100))}`);
    expect(overview).toContain(
      `Milestone M1 added: First quarter report, due ${day(inDays(stack, 90))}; KPI K1 added: People advised (target: 300 a year)`,
    );
  });

  it('changes the status with a reason where one is needed, after a warning', async () => {
    const path = at('status');
    const page = await staff.get(path);
    expect(page.html).toContain('value="terminated"');
    expect(page.html).not.toContain('value="cancelled"');
    expect(page.html).toContain('govuk-warning-text');
    expect(summary((await post(path, 'status', {})).html).map(([f, m]) => [f, m])).toEqual([['status', 'Select the new status']]);
    await post(path, 'status', { status: 'terminated', reason: '' });
    const noReason = await post(path, 'check', {});
    expect(summary(noReason.html)).toEqual([
      ['reason', 'Reason for the change: say why the contract is terminated', `${path}?page=status&return=check`],
    ]);
    expect((await getContract(stack, council(), c.id)).status).toBe('active');
    await post(path, 'status', { status: 'terminated', reason: 'The hubs closed', return: 'check' });
    const sent = await post(path, 'check', {});
    expect((await staff.get(sent.location as string)).html).toContain('Contract terminated');
    expect((await getContract(stack, council(), c.id)).status).toBe('terminated');
    // Final: the page says so (and takes no form), and the overview no longer offers it.
    const final = await staff.get(path);
    expect([final.status, final.html.includes('Awarded support is terminated')]).toEqual([200, true]);
    expect((await post(path, 'status', { status: 'active' })).status).toBe(400);
    expect((await staff.get(`/app/contracts/${c.id}`)).html).not.toContain(`href="${path}"`);
  });
});

describe("the council's contract policy", () => {
  const path = () => `/app/councils/${council().org.id}/contract-policy`;
  const save = async (fields: Record<string, string>) => staff.post(path(), { action: 'policy', ...fields, csrf: await staff.csrf() });

  it('is a form filled with the policy as it is; mistakes named by their labels; saved through the API’s use case', async () => {
    const page = await staff.get(path());
    expect(page.html).toContain('name="amberWithinDays" type="text" value="14"');
    expect(page.html).toContain('value="-14, -3"');
    const bad = await save({ amberWithinDays: 'soon', alertOffsetsDays: '-3, x' });
    expect(errorSummary(bad.html)).toEqual([
      ['amberWithinDays', 'Days before the due date a milestone turns amber must be a whole number, like 12'],
      ['alertOffsetsDays', 'Alert days must be whole numbers separated by commas, like -3, 0, 7'],
    ]);
    expect(bad.html).toContain('value="-3, x"');
    const range = await save({ amberWithinDays: '120', alertOffsetsDays: '3' });
    expect(errorSummary(range.html)).toEqual([
      ['amberWithinDays', 'Days before the due date a milestone turns amber: a whole number of days from 0 to 90'],
    ]);
    const saved = await save({ amberWithinDays: '21', alertOffsetsDays: '-21, -7' });
    expect([saved.status, saved.location]).toEqual([303, `${path()}?done=saved`]);
    expect((await staff.get(saved.location as string)).html).toContain('The policy is saved');
    const c = await stack.api.call<{ rows: { id: string }[] }>(council().admin, 'GET', `/councils/${council().org.id}/contracts`);
    const one = await getContract(stack, council(), c.rows[0]?.id as string);
    expect((one as unknown as { policy: unknown }).policy).toEqual({ amberWithinDays: 21, alertOffsetsDays: [-21, -7] });
  });
});
