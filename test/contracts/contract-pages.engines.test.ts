import { describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import { contractBody, contractFormPath, register } from '../support/contract';
import { type PageClient, signInAs } from '../support/pages';
import { useTestStack } from '../support/use-stack';

/** The contract pages over plain HTTP, as a browser without JavaScript uses them. */
const { stack, funders } = useTestStack({ seed: true });
const council = () => funders[0] as SeededFunder;

const post = async (c: PageClient, id: string, fields: Record<string, string>) =>
  c.post(contractFormPath(id, fields.action), { ...fields, csrf: await c.csrf() });

describe('contract pages', () => {
  it("list a council's contracts with RAG and filters, and take decisions, KPI ratings and feed rotation by form", async () => {
    const c = await register(stack, council(), contractBody(stack, 'Paged contract', [5, 60]));
    const staff = await signInAs(stack, council().admin.email);

    expect((await staff.get('/app')).html).toContain(`href="/app/councils/${council().org.id}/contracts"`);
    const list = await staff.get(`/app/councils/${council().org.id}/contracts`);
    expect(list.status).toBe(200);
    expect(list.html).toContain('Paged contract');
    expect(list.html).toMatch(
      /govuk-tag--yellow">Amber<\/strong> <span class="govuk-body-s">M1 Milestone 1 of Paged contract: due in 5 days/,
    );
    expect(list.html).toContain('How the colours are worked out');
    expect((await staff.get(`/app/councils/${council().org.id}/contracts?status=terminated`)).html).not.toContain('Paged contract');
    expect((await staff.get(`/app/councils/${council().org.id}/contracts?supplier=nobody`)).html).toContain('No contracts match');
    const csv = await staff.get(`/app/councils/${council().org.id}/contracts?download=milestones`);
    expect(csv.html.split('\n')[0]).toMatch(/^contract_id,contract,contract_status,supplier/);

    // A decision: the status must be chosen; not met needs a reason; each named as its field.
    const page = await staff.get(`/app/contracts/${c.id}/milestones`);
    expect(page.html).toContain('Decide M1: Milestone 1 of Paged contract');
    const none = await post(staff, c.id, { action: 'decide', milestone: 'M1' });
    expect([none.status, none.html.includes('href="#status-M1"')]).toEqual([400, true]);
    const noReason = await post(staff, c.id, { action: 'decide', milestone: 'M1', 'status-M1': 'notMet' });
    expect([noReason.status, noReason.html.includes('href="#reason-M1"')]).toEqual([400, true]);
    const met = await post(staff, c.id, {
      action: 'decide',
      milestone: 'M1',
      'status-M1': 'met',
      'dateMet-M1-day': '',
      'dateMet-M1-month': '',
      'dateMet-M1-year': '',
    });
    expect([met.status, met.location]).toEqual([303, `/app/contracts/${c.id}/milestones?done=decided`]);
    const after = await staff.get(met.location as string);
    expect(after.html).toContain('The decision is recorded');
    expect(after.html).not.toContain('Decide M1');

    // A KPI rating: its dates are GOV.UK date inputs, decoded as the API decodes them.
    const badDate = await post(staff, c.id, {
      action: 'rate',
      kpi: 'K1',
      'start-K1-day': '1',
      'start-K1-month': 'April',
      'start-K1-year': '2026',
      'end-K1-day': '2',
      'end-K1-month': '4',
      'end-K1-year': '2026',
      'rating-K1': 'good',
    });
    expect([badDate.status, badDate.html.includes('href="#start-K1-day">Start of the period must be a real date')]).toEqual([400, true]);

    // The feed: its address shown once; a new one retires it.
    const made = await post(staff, c.id, { action: 'rotate-feed' });
    const url = /<code id="feed-url">([^<]+)<\/code>/.exec(made.html)?.[1] as string;
    expect((await fetch(url)).status).toBe(200);
    expect((await staff.get(`/app/contracts/${c.id}`)).html).not.toContain(url);
    await post(staff, c.id, { action: 'rotate-feed' });
    expect((await fetch(url)).status).toBe(404);

    // The council's own feed, made from its contracts page.
    const councilFeed = await staff.post(`/app/councils/${council().org.id}/contracts`, {
      action: 'rotate-feed',
      csrf: await staff.csrf(),
    });
    const councilUrl = /<code id="feed-url">([^<]+)<\/code>/.exec(councilFeed.html)?.[1] as string;
    expect(await (await fetch(councilUrl)).text()).toContain(`UID:milestone-${c.id}-M1@grantloop`);

    // Staff of another organisation see nothing of it.
    const outsider = await signInAs(stack, (funders[2] as SeededFunder).admin.email);
    expect((await outsider.get(`/app/contracts/${c.id}`)).status).toBe(404);
    expect((await outsider.get(`/app/councils/${council().org.id}/contracts`)).status).toBe(404);
  });
});
