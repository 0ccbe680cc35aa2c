import { beforeAll, describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import { award, grantFixture } from '../support/grant';
import { errorSummary, expectRefused, type PageClient, signInAs, taskList } from '../support/pages';
import { useTestStack } from '../support/use-stack';

/**
 * A grant's plan from the browser, as the lead's admin sets it with JavaScript off: a task list
 * (conditions, tranches, reporting schedule, then check and send), question pages with "add
 * another" lists, mistakes named by the page's labels with nothing written, and the domain's
 * rule (every date within the grant's own dates) shown on the page as the API answers it.
 * Dates are typed by hand: the grant runs from 1 April 2026 to 31 March 2027.
 */
const { stack, funders, fixture: f } = useTestStack({ seed: true, fixture: grantFixture });
let grantId: string;
let lead: PageClient;
const base = () => `/app/grants/${grantId}/plan`;
const post = async (page: string, fields: Record<string, string>, query = '') =>
  lead.post(`${base()}?page=${page}${query}`, { page, ...fields, csrf: await lead.csrf() });
const date = (name: string, d: string, m: string, y: string) => ({ [`${name}-day`]: d, [`${name}-month`]: m, [`${name}-year`]: y });
type Plan = { tranches: { amount: number; dueDate: string }[]; reports: { dueDate: string; periodStart: string }[]; conditions: unknown[] };
const grant = () => stack.api.call<Plan & { plannedStart: string; plannedEnd: string }>(f.lead.admin, 'GET', `/grants/${grantId}`);

beforeAll(async () => {
  grantId = (await award(f, 'Task-list grant', 300_000)).id;
  lead = await signInAs(stack, f.lead.admin.email);
});

describe("a grant's plan as a task list", () => {
  it('the API refuses a report due before the grant starts, naming the field', async () => {
    expect(await grant()).toMatchObject({ plannedStart: '2026-04-01', plannedEnd: '2027-03-31' });
    const other = (await award(f, 'API-planned grant', 100_000)).id;
    const early = await stack.request('POST', `/grants/${other}/plan`, {
      as: f.lead.admin,
      body: { tranches: [{ amount: 100_000, dueDate: '2026-04-01' }], reporting: { frequency: 'one-off', dueDate: '2026-03-31' } },
    });
    expect(early.status).toBe(400);
    expect(early.body.issues).toEqual([
      {
        field: 'reporting.dueDate',
        rule: 'within-grant-dates',
        message: 'the report due date (31 March 2026) must be on or after the day the grant starts, 1 April 2026',
      },
    ]);
  });

  it('goes from the grant page through the tasks, check and send, with mistakes named and nothing written', async () => {
    const page = (await lead.get(`/app/grants/${grantId}`)).html;
    expect(page).toContain(`href="${base()}"`);
    expect(page).toContain('Set the plan');
    const start = await lead.get(base());
    expect(start.status).toBe(200);
    expect(taskList(start.html)).toEqual([
      ['Conditions', 'Not yet started'],
      ['Tranches (payments schedule)', 'Not yet started'],
      ['Reporting schedule', 'Not yet started'],
      ['Check and send the plan', 'Cannot start yet'],
    ]);
    expect(start.html).not.toContain(`href="${base()}?page=check"`);
    const before = await stack.itemCount();

    // Conditions: an empty one and one over its limit are named by label; what was typed is kept.
    const empty = await post('conditions', { do: 'add', 'conditions.0.description': '' });
    expectRefused(empty, [
      ['conditions.0.description', 'Enter the condition'],
      ['conditions.0.kind', 'Select when the condition must be met'],
    ]);
    const long = await post('conditions', { do: 'add', 'conditions.0.description': 'x'.repeat(501), 'conditions.0.kind': 'ongoing' });
    expect(errorSummary(long.html)).toEqual([['conditions.0.description', 'Condition must be 500 characters or fewer']]);
    expect(long.html).toContain('x'.repeat(501));
    const added = await post('conditions', {
      do: 'add',
      'conditions.0.description': 'A safeguarding policy adopted by the trustees',
      'conditions.0.kind': 'before-first-payment',
    });
    expect(added.location).toBe(`${base()}?page=conditions`);
    expect((await post('conditions', { do: 'continue' })).location).toBe(base());
    expect(taskList((await lead.get(base())).html)[0]).toEqual(['Conditions', 'Completed']);

    // Tranches: at least one; an impossible date is named; one on the start day and one the day after the end.
    expect(errorSummary((await post('tranches', { do: 'continue' })).html)).toEqual([
      ['tranches', 'Add at least one tranche: a grant is paid in at least one'],
    ]);
    // As a browser sends an empty form: every box, empty.
    const blank = await post('tranches', {
      do: 'add',
      'tranches.0.amount': '',
      'tranches.0.reportIndex': '',
      ...date('tranches.0.dueDate', '', '', ''),
    });
    expect(errorSummary(blank.html)).toEqual([
      ['tranches.0.amount', 'Enter the amount of the tranche'],
      ['tranches.0.dueDate-day', 'Enter the payment date'],
    ]);
    const feb = await post('tranches', { do: 'add', 'tranches.0.amount': '1,000', ...date('tranches.0.dueDate', '31', '2', '2027') });
    expect(errorSummary(feb.html)).toEqual([['tranches.0.dueDate-day', 'Payment date must be a real date']]);
    expect(feb.html).toContain('value="1,000"');
    await post('tranches', { do: 'add', 'tranches.0.amount': '1,000', ...date('tranches.0.dueDate', '1', '4', '2026') });
    // Added but not yet continued from: in progress.
    expect(taskList((await lead.get(base())).html)[1]).toEqual(['Tranches (payments schedule)', 'In progress']);
    await post('tranches', { do: 'add', 'tranches.1.amount': '£2,000.00', ...date('tranches.1.dueDate', '1', '4', '2027') });
    expect((await post('tranches', { do: 'continue' })).location).toBe(base());

    // Reporting: the milestone over its limit, then a one-off report due the day before the grant starts.
    const milestone = await post('reporting', { 'reporting.frequency': 'milestone', 'reporting.milestone': 'm'.repeat(201) });
    expect(errorSummary(milestone.html)).toEqual([['reporting.milestone', 'Milestone must be 200 characters or fewer']]);
    const reporting = await post('reporting', { 'reporting.frequency': 'one-off', ...date('reporting.dueDate', '31', '3', '2026') });
    expect(reporting.location).toBe(base());
    const list = await lead.get(base());
    expect(taskList(list.html).map(([, status]) => status)).toEqual(['Completed', 'Completed', 'Completed', 'Not yet started']);
    expect(list.html).toContain(`href="${base()}?page=check"`);

    // Check and send: the domain refuses both dates outside the grant, each named, and nothing is written.
    const check = await lead.get(`${base()}?page=check`);
    expect(check.html).toContain('Check your answers before you set the plan');
    expect(check.html).toContain('£1,000.00 on 1 April 2026');
    expect(check.html).toContain('£2,000.00 on 1 April 2027');
    const refused = await post('check', {});
    expectRefused(refused, [
      ['tranches.1.dueDate-day', 'The payment date of tranche 2 (1 April 2027) must be on or before the day the grant ends, 31 March 2027'],
      ['reporting.dueDate-day', 'The report due date (31 March 2026) must be on or after the day the grant starts, 1 April 2026'],
    ]);
    expect(refused.html).toContain(`href="${base()}?page=tranches&amp;return=check#tranches.1.dueDate-day"`);
    expect(await stack.itemCount()).toBe(before + 1); // only the draft beside the session
    expect((await grant()).tranches).toEqual([]);

    // Put right: the second tranche on the grant's last day, the report due on its first.
    expect((await post('tranches', { do: 'remove-1' }, '&return=check')).location).toBe(`${base()}?page=tranches`);
    await post('tranches', { do: 'add', 'tranches.1.amount': '2000', ...date('tranches.1.dueDate', '31', '3', '2027') });
    expect((await post('tranches', { do: 'continue', return: 'check' })).location).toBe(`${base()}?page=check`);
    await post('reporting', { 'reporting.frequency': 'one-off', ...date('reporting.dueDate', '1', '4', '2026'), return: 'check' });
    const sent = await post('check', {});
    expect(sent.location).toBe(`${base()}?page=done&created=${grantId}`);
    const done = await lead.get(sent.location as string);
    expect(done.html).toContain('Plan set');
    expect(done.html).toContain('has been emailed a link to send evidence for each condition');
    expect(done.html).toContain('due on 1 April 2026');
    expect(done.html).toContain(`href="/app/grants/${grantId}"`);

    const set = await grant();
    expect(set.tranches.map((t) => [t.amount, t.dueDate])).toEqual([
      [100_000, '2026-04-01'],
      [200_000, '2027-03-31'],
    ]);
    expect(set.reports.map((r) => [r.periodStart, r.dueDate])).toEqual([['2026-04-01', '2026-04-01']]);
    expect(set.conditions).toHaveLength(1);
    // Set once: the grant page no longer offers it, and the task list says why.
    expect((await lead.get(`/app/grants/${grantId}`)).html).not.toContain(`href="${base()}"`);
    const again = await lead.get(base());
    expect(again.html).toContain('The plan of Task-list grant is set');
    expect((await post('conditions', { do: 'continue' })).status).toBe(400);
  });

  it('is not offered to a member, and answers a member who finds it with the not-found page', async () => {
    const member = await signInAs(stack, (funders[1] as SeededFunder).admin.email);
    const other = (await award(f, 'Unplanned grant', 100_000)).id;
    expect((await member.get(`/app/grants/${other}`)).html).not.toContain(`/app/grants/${other}/plan`);
    expect((await member.get(`/app/grants/${other}/plan`)).status).toBe(404);
  });
});
