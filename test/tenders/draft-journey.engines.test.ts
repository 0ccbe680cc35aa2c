import { beforeAll, describe, expect, it } from 'vitest';
import type { Consortium } from '../../shared/consortia/consortium';
import type { Tender } from '../../shared/tenders/tender';
import { loadExample } from '../support/example';
import { errorSummary, type PageClient, sendCheck, signInAs, taskList } from '../support/pages';
import { DAY } from '../support/stack';
import { useTestStack } from '../support/use-stack';

/**
 * Issue 25, drafting: on the example consortium (Wyvernshire Local Infrastructure Fund, the county
 * council leading), the lead drafts a two-lot tender funded by three members through the task
 * list with JavaScript off, checks it and creates it; sends it for sign-off; the ICB
 * refuses; the lead changes the draft (the same task list, filled in) and sends it again; one
 * member stays silent past the deadline and the lead decides to proceed; the tender is published
 * with each contribution reserved. Mistakes (weights not adding up to 100, key dates out of order,
 * a lot without a value) are refused on the page that asks, naming the field as it is labelled.
 * Key dates are typed on the London clock and checked against instants worked out by hand.
 */
const { stack } = useTestStack();
let f: Awaited<ReturnType<typeof loadExample>>['f'];
let wyvern: Consortium;
let poolId: string;
let lead: PageClient;
let tenderId: string;

const base = () => `/app/consortia/${wyvern.id}/tenders/new`;
const edit = () => `/app/tenders/${tenderId}/edit`;
const post = async (c: PageClient, path: string, page: string, fields: Record<string, string>) =>
  c.post(`${path}?page=${page}`, { page, ...fields, csrf: await c.csrf() });
const summary = errorSummary;
const moment = (name: string, d: string, m: string, y: string, h: string, min: string) => ({
  [`dates.${name}-day`]: d,
  [`dates.${name}-month`]: m,
  [`dates.${name}-year`]: y,
  [`dates.${name}-hour`]: h,
  [`dates.${name}-minute`]: min,
});
/** Which contribution box is whose (by the organisation's name), read from the funding page. */
let boxes = new Map<string, string>();
/**
 * The funding task's answers: the example's pool, and what the county, the ICB and the Millbank
 * Foundation put in (pounds): their core money can fund a tender (the district's is restricted to
 * the pool's south lot, the Harbourside Trust's to volunteering grants).
 */
const contributions = (county: number, icb: number, millbank: number) => ({
  poolId,
  [`funders.${boxes.get(f.county.org.name)}.amount`]: String(county),
  [`funders.${boxes.get(f.icb.org.name)}.amount`]: String(icb),
  [`funders.${boxes.get(f.millbank.org.name)}.amount`]: String(millbank),
});
const getTender = () => stack.api.call<Tender>(f.county.admin, 'GET', `/tenders/${tenderId}`);
const pool = () => stack.api.call<{ reserved: number; available: number }>(f.county.admin, 'GET', `/pools/${poolId}`);

beforeAll(async () => {
  // The example up to 3 June 2026 (BST): the consortia confirmed, the pooled fund's rounds decided.
  const example = await loadExample(stack, new Date('2026-06-03T12:00:00Z'));
  f = example.f;
  wyvern = example.final.wyvern;
  poolId = example.pooled.poolId;
  lead = await signInAs(stack, f.county.admin.email);
}, 300_000);

describe('drafting a tender in the browser', () => {
  it('is offered on the tenders list to the lead, and to nobody else', async () => {
    expect((await lead.get(`/app/consortia/${wyvern.id}/tenders`)).html).toContain(`href="${base()}"`);
    const member = await signInAs(stack, f.district.admin.email);
    expect((await member.get(`/app/consortia/${wyvern.id}/tenders`)).html).not.toContain(base());
    expect((await member.get(base())).status).toBe(404);
    expect((await member.get(`${base()}?page=about`)).status).toBe(404);
  });

  it('goes through the task list, refusing mistakes on the page that asks, then check and create', async () => {
    const start = await lead.get(base());
    expect(taskList(start.html)).toEqual([
      ['Title and description', 'Not yet started'],
      ['Regime and procedure', 'Not yet started'],
      ['Lots', 'Not yet started'],
      ['Criteria and weights', 'Not yet started'],
      ['Key dates', 'Not yet started'],
      ['Documents', 'Not yet started'],
      ['Funding from the pool', 'Not yet started'],
      ['Evaluation panel', 'Not yet started'],
      ['Check and create the draft', 'Cannot start yet'],
    ]);
    const items = await stack.itemCount();

    const empty = await post(lead, base(), 'about', { title: '', description: '' });
    expect(empty.status).toBe(400);
    expect(summary(empty.html)).toEqual([
      ['title', 'Enter the title of the tender'],
      ['description', 'Enter a description of what is being bought'],
    ]);
    expect(
      (
        await post(lead, base(), 'about', {
          title: 'Wyvernshire infrastructure support',
          description: 'Support for voluntary groups across Wyvernshire, in two lots.',
        })
      ).location,
    ).toBe(base());
    expect(
      (await post(lead, base(), 'procedure', { procedure: 'open', lightTouch: 'yes', authorityType: 'sub-central', advertised: 'yes' }))
        .location,
    ).toBe(base());

    // A lot without its value is refused on the lots page, by its label, and not added.
    const noValue = await post(lead, base(), 'lots', {
      do: 'add',
      'lots.0.title': 'Organisational support',
      'lots.0.value': '',
      'lots.0.scope.kind': 'function',
      'lots.0.scope.label': 'Organisational development',
    });
    expect(noValue.status).toBe(400);
    expect(summary(noValue.html)).toEqual([['lots.0.value', 'Enter the value of the lot']]);
    for (const [i, [title, value, label]] of [
      ['Organisational support', '3,000', 'Organisational development'],
      ['Volunteering support', '£1500.00', 'Volunteering'],
    ].entries())
      expect(
        (
          await post(lead, base(), 'lots', {
            do: 'add',
            [`lots.${i}.title`]: title as string,
            [`lots.${i}.value`]: value as string,
            [`lots.${i}.scope.kind`]: 'function',
            [`lots.${i}.scope.label`]: label as string,
          })
        ).location,
      ).toBe(`${base()}?page=lots`);
    expect((await post(lead, base(), 'lots', { do: 'continue' })).location).toBe(base());

    const criteria = [
      ['Local knowledge and relationships', 'quality', '50'],
      ['Delivery plan', 'quality', '20'],
      ['Price', 'price', '20'],
    ];
    for (const [i, [title, kind, weight]] of criteria.entries())
      await post(lead, base(), 'criteria', {
        do: 'add',
        [`criteria.${i}.title`]: title as string,
        [`criteria.${i}.kind`]: kind as string,
        [`criteria.${i}.weight`]: weight as string,
      });
    // 50 + 20 + 20 = 90: refused on the criteria page, as the API refuses it.
    const ninety = await post(lead, base(), 'criteria', { do: 'continue' });
    expect(ninety.status).toBe(400);
    expect(summary(ninety.html)).toEqual([
      ['criteria', 'The weights add up to 90%; they must add up to 100% (every lot is scored on all the criteria)'],
    ]);
    await post(lead, base(), 'criteria', { do: 'remove-2' });
    await post(lead, base(), 'criteria', { do: 'add', 'criteria.2.title': 'Price', 'criteria.2.kind': 'price', 'criteria.2.weight': '30' });
    expect((await post(lead, base(), 'criteria', { do: 'continue' })).location).toBe(base());

    // The award decision before the end of evaluation: refused on the dates page, naming both by their labels.
    const dates = {
      ...moment('clarificationDeadline', '1', '7', '2026', '12', '00'),
      ...moment('submissionDeadline', '15', '7', '2026', '17', '00'),
      ...moment('evaluationEnd', '1', '12', '2026', '12', '00'),
      ...moment('awardDecision', '30', '11', '2026', '9', '30'),
    };
    const backwards = await post(lead, base(), 'dates', dates);
    expect(backwards.status).toBe(400);
    expect(summary(backwards.html)).toEqual([['dates.awardDecision-day', 'The award decision must be after the end of evaluation']]);
    const impossible = await post(lead, base(), 'dates', { ...dates, ...moment('awardDecision', '31', '11', '2026', '9', '30') });
    expect(summary(impossible.html)).toEqual([['dates.awardDecision-day', 'Award decision must be a real date']]);
    const fixed = { ...dates, ...moment('awardDecision', '15', '12', '2026', '9', '30') };
    expect((await post(lead, base(), 'dates', fixed)).location).toBe(base());

    await post(lead, base(), 'documents', {
      do: 'add',
      'documents.0.title': 'Specification',
      'documents.0.url': 'https://wyvernshire.example.org/tenders/infrastructure-spec.pdf',
    });
    await post(lead, base(), 'documents', { do: 'continue' });

    // A box for each voting member (the observing community foundation funds nothing), in the consortium's order.
    const funding = (await lead.get(`${base()}?page=funding`)).html;
    boxes = new Map(
      [...funding.matchAll(/for="funders\.(\d+)\.amount">\s*Contribution from ([^<]+?)\s*</g)].map((m) => [m[2] as string, m[1] as string]),
    );
    expect([...boxes.keys()].sort()).toEqual([f.county, f.district, f.icb, f.harbourside, f.millbank].map((w) => w.org.name).sort());
    // Each box says what the member has to give: its core money neither committed to the example's grants nor reserved.
    const hint = (who: typeof f.county) =>
      new RegExp(`id="funders\\.${boxes.get(who.org.name)}\\.amount-hint" class="govuk-hint">([^<]+)<`).exec(funding)?.[1];
    // The county, the ICB and the Millbank Foundation pledged core money only: what their statements say is available.
    const statement = async (who: typeof f.county) =>
      (await stack.api.call<{ available: number }>(f.county.admin, 'GET', `/pools/${poolId}/funders/${who.org.id}/statement`)).available;
    const pounds = (p: number) => `£${(p / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;
    for (const who of [f.county, f.icb, f.millbank]) expect(hint(who)).toBe(`${pounds(await statement(who))} of core money available.`);
    // The district's money is restricted to the pool's south lot: none of it can fund a tender.
    expect(await statement(f.district)).toBeGreaterThan(0);
    expect(hint(f.district)).toBe('£0.00 of core money available.');
    expect((await post(lead, base(), 'funding', contributions(2000, 1500, 1000))).location).toBe(base());

    const noPanel = await post(lead, base(), 'panel', {});
    expect(summary(noPanel.html)).toEqual([['panel', 'Select at least one person for the evaluation panel']]);
    const panelPage = (await lead.get(`${base()}?page=panel`)).html;
    expect(panelPage).toContain(`value="${f.county.admin.id}"`);
    expect(panelPage).toContain(`value="${f.district.admin.id}"`);
    await lead.post(`${base()}?page=panel`, {
      page: 'panel',
      panel: f.county.admin.id,
      csrf: await lead.csrf(),
    });
    // Nothing is written until the draft is created (the session's draft aside, which replaces itself).
    expect(await stack.itemCount()).toBeLessThanOrEqual(items + 1);

    const list = await lead.get(base());
    expect(taskList(list.html).map(([, status]) => status)).toEqual([...Array(8).fill('Completed'), 'Not yet started']);
    const check = await lead.get(`${base()}?page=check`);
    expect(check.status).toBe(200);
    for (const words of [
      'Organisational support: £3,000.00 (Organisational development)',
      'Volunteering support: £1,500.00 (Volunteering)',
      'Price: price, 30%',
      'Total 100% for each lot',
      'Clarification deadline: midday on 1 July 2026',
      'Submission deadline: 5pm on 15 July 2026',
      'End of evaluation: midday on 1 December 2026',
      'Award decision: 9:30am on 15 December 2026',
      `${f.icb.org.name}: £1,500.00`,
    ])
      expect(check.html).toContain(words);
    const created = await sendCheck(lead, base());
    tenderId = created.id;
    expect(created.done).toContain('Draft tender created');

    const t = await getTender();
    expect(t).toMatchObject({
      title: 'Wyvernshire infrastructure support',
      status: 'draft',
      poolId,
      procedure: 'open',
      lightTouch: true,
      advertised: true,
      lots: [
        {
          id: 'organisational-support',
          title: 'Organisational support',
          value: 300_000,
          scope: { kind: 'function', label: 'Organisational development' },
        },
        { id: 'volunteering-support', title: 'Volunteering support', value: 150_000, scope: { kind: 'function', label: 'Volunteering' } },
      ],
      criteria: [
        { id: 'local-knowledge-and-relationships', kind: 'quality', weight: 50 },
        { id: 'delivery-plan', kind: 'quality', weight: 20 },
        { id: 'price', kind: 'price', weight: 30 },
      ],
      // Worked out by hand: BST (UTC+1) in July, GMT in December.
      dates: {
        clarificationDeadline: '2026-07-01T11:00:00.000Z',
        submissionDeadline: '2026-07-15T16:00:00.000Z',
        evaluationEnd: '2026-12-01T12:00:00.000Z',
        awardDecision: '2026-12-15T09:30:00.000Z',
      },
      funders: expect.arrayContaining([
        { orgId: f.county.org.id, amount: 200_000 },
        { orgId: f.icb.org.id, amount: 150_000 },
        { orgId: f.millbank.org.id, amount: 100_000 },
      ]),
      panel: [f.county.admin.id],
      documents: [{ title: 'Specification', url: 'https://wyvernshire.example.org/tenders/infrastructure-spec.pdf' }],
    });
  });

  it('is sent for sign-off from its page, after a warning naming the members asked', async () => {
    const member = await signInAs(stack, f.district.admin.email);
    expect((await member.get(`/app/tenders/${tenderId}`)).html).not.toContain('Send for sign-off');
    const page = (await lead.get(`/app/tenders/${tenderId}`)).html;
    expect(page).toContain(`href="${edit()}"`);
    const warning = /Sending it asks ([^<]+?) to sign off/.exec(page)?.[1] ?? '';
    for (const who of [f.county, f.icb, f.millbank]) expect(warning).toContain(who.org.name);
    expect(warning).not.toContain(f.harbourside.org.name);
    const sent = await lead.post(`/app/tenders/${tenderId}`, { action: 'sign-off-request', csrf: await lead.csrf() });
    expect(sent.location).toBe(`/app/tenders/${tenderId}?done=sent-for-sign-off`);
    await stack.runtime.settle();
    expect((await getTender()).status).toBe('sign-off');
    const asked = (await stack.runtime.emails()).filter((e) =>
      e.subject.includes('please sign off the tender "Wyvernshire infrastructure support"'),
    );
    expect(asked.flatMap((e) => e.destination.to).sort()).toEqual(
      [f.county.org.contactEmail, f.icb.org.contactEmail, f.millbank.org.contactEmail].sort(),
    );
    // No longer a draft: the edit page says so, and the API refuses a change.
    expect((await lead.get(edit())).html).toContain('is no longer a draft');
    const put = await stack.request('PUT', `/tenders/${tenderId}`, { as: f.county.admin, body: await tenderBody() });
    expect(put.status).toBe(409);
  });

  it('comes back as a draft when a member refuses, holding no pool money, and the lead changes it on the same task list', async () => {
    const before = await pool();
    const icb = await signInAs(stack, f.icb.admin.email);
    const refused = await icb.post(`/app/tenders/${tenderId}`, {
      action: 'sign-off',
      decision: 'refuse',
      reason: 'Our share should be £1,000; the county can cover the rest.',
      csrf: await icb.csrf(),
    });
    expect(refused.location).toBe(`/app/tenders/${tenderId}?done=refused`);
    await stack.runtime.settle();
    const back = await getTender();
    expect(back.status).toBe('draft');
    expect(back.reserved).toEqual([]);
    expect(await pool()).toMatchObject({ reserved: before.reserved, available: before.available });

    const page = (await lead.get(`/app/tenders/${tenderId}`)).html;
    expect(page).toContain(`${f.icb.org.name} refused the last version`);
    // The task list filled in from the tender: every task completed, the answers as they would have been typed.
    const list = await lead.get(edit());
    expect(taskList(list.html).map(([, status]) => status)).toEqual([...Array(8).fill('Completed'), 'Not yet started']);
    const funding = (await lead.get(`${edit()}?page=funding`)).html;
    expect(funding).toContain('value="2000.00"');
    expect(funding).toContain('value="1500.00"');
    expect((await lead.get(`${edit()}?page=dates`)).html).toContain(
      'name="dates.submissionDeadline-hour" type="text" inputmode="numeric" value="17"',
    );

    // Contributions that no longer add up to the lots are refused when saving, naming them by their label.
    await post(lead, edit(), 'funding', contributions(2000, 1000, 1000));
    const short = await lead.post(`${edit()}?page=check`, { page: 'check', csrf: await lead.csrf() });
    expect(short.status).toBe(400);
    expect(summary(short.html)).toEqual([['funders', 'The contributions add up to £4,000.00 but the lots are worth £4,500.00']]);
    expect((await getTender()).funders).toContainEqual({ orgId: f.icb.org.id, amount: 150_000 });

    await post(lead, edit(), 'funding', contributions(2500, 1000, 1000));
    const saved = await lead.post(`${edit()}?page=check`, { page: 'check', csrf: await lead.csrf() });
    expect(saved.location).toBe(`${edit()}?page=done&created=${tenderId}`);
    expect((await lead.get(saved.location as string)).html).toContain('Draft tender saved');
    const changed = await getTender();
    expect(changed).toMatchObject({
      status: 'draft',
      version: back.version + 1,
      attempt: 1,
      funders: expect.arrayContaining([
        { orgId: f.county.org.id, amount: 250_000 },
        { orgId: f.icb.org.id, amount: 100_000 },
        { orgId: f.millbank.org.id, amount: 100_000 },
      ]),
      dates: back.dates,
      lots: back.lots,
    });
    // The JSON route changes the same draft (PUT, the same schema and use case); the task list then starts again from the tender.
    const retitled = 'Wyvernshire infrastructure support 2026-29';
    expect((await lead.get(`${edit()}?page=about`)).html).toContain('value="Wyvernshire infrastructure support"');
    const viaApi = await stack.request('PUT', `/tenders/${tenderId}`, {
      as: f.county.admin,
      body: { ...(await tenderBody()), title: retitled },
    });
    expect(viaApi.status).toBe(200);
    expect(viaApi.body).toMatchObject({ title: retitled, version: changed.version + 1, status: 'draft' });
    expect((await lead.get(`${edit()}?page=about`)).html).toContain(`value="${retitled}"`);
  });

  it('is sent again; a member stays silent past the deadline and the lead decides to proceed; the contributions are reserved', async () => {
    const before = await pool();
    await lead.post(`/app/tenders/${tenderId}`, { action: 'sign-off-request', csrf: await lead.csrf() });
    await stack.runtime.settle();
    expect(await getTender()).toMatchObject({ status: 'sign-off', attempt: 2, signOffs: [] });
    for (const who of [f.county, f.icb]) {
      const c = await signInAs(stack, who.admin.email);
      await c.post(`/app/tenders/${tenderId}`, { action: 'sign-off', decision: 'approve', csrf: await c.csrf() });
    }
    await stack.runtime.settle();
    // No form for the lead's decision before the deadline.
    expect((await lead.get(`/app/tenders/${tenderId}`)).html).not.toContain('name="lead-decision"');
    await stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + 10 * DAY + 3_600_000));
    await stack.runtime.settle();
    // Ten days on, the lead's session has ended: signing in again.
    lead = await signInAs(stack, f.county.admin.email);
    const page = (await lead.get(`/app/tenders/${tenderId}`)).html;
    expect(page).toContain(`without an answer from ${f.millbank.org.name}`);
    expect(page).toContain('name="lead-decision"');
    const member = await signInAs(stack, f.district.admin.email);
    expect((await member.get(`/app/tenders/${tenderId}`)).html).not.toContain('name="lead-decision"');

    const none = await lead.post(`/app/tenders/${tenderId}`, { action: 'lead-decision', csrf: await lead.csrf() });
    expect(none.status).toBe(400);
    expect(summary(none.html)).toEqual([['lead-decision', 'Select proceed or send back to draft']]);
    const decided = await lead.post(`/app/tenders/${tenderId}`, {
      action: 'lead-decision',
      'lead-decision': 'proceed',
      csrf: await lead.csrf(),
    });
    expect(decided.location).toBe(`/app/tenders/${tenderId}?done=proceeding`);
    await stack.runtime.settle();
    const published = await getTender();
    expect(published.status).toBe('published');
    const reservedBy = (orgId: string) => published.reserved.filter((r) => r.funderOrgId === orgId).reduce((a, r) => a + r.amount, 0);
    expect([f.county, f.icb, f.millbank].map((w) => reservedBy(w.org.id))).toEqual([250_000, 100_000, 100_000]);
    expect(await pool()).toMatchObject({ reserved: before.reserved + 450_000, available: before.available - 450_000 });
  });
});

/** The tender as the JSON route takes it, from what is stored: for the API's refusal of a change once it is not a draft. */
async function tenderBody() {
  const { poolId, title, description, documents, lots, procedure, lightTouch, authorityType, advertised, criteria, dates, funders, panel } =
    await getTender();
  return { poolId, title, description, documents, lots, procedure, lightTouch, authorityType, advertised, criteria, dates, funders, panel };
}
