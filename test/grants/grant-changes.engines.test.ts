import { beforeAll, describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import { award, grantFixture, plan } from '../support/grant';
import { type PageClient, signInAs } from '../support/pages';
import { useTestStack } from '../support/use-stack';

/**
 * Changing a grant from its page, as the lead's officers do with JavaScript off: record a
 * payment, record money returned, amend the grant, change its status. Each is a question page,
 * check your answers and a confirmation, through the JSON routes' own schemas and use cases;
 * mistakes and the domain's refusals are named by the page's labels, and nothing is written.
 */
const { stack, funders, fixture: f } = useTestStack({ seed: true, fixture: grantFixture });
let grantId: string;
let lead: PageClient;
const at = (rest: string) => `/app/grants/${grantId}/${rest}`;
const post = async (path: string, page: string, fields: Record<string, string>) =>
  lead.post(`${at(path)}?page=${page}`, { page, ...fields, csrf: await lead.csrf() });
const summary = (html: string) =>
  [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/<a href="[^"#]*#([^"]+)">([^<]+)<\/a>/g)].map((m) => [
    m[1],
    (m[2] as string).replace(/&#39;/g, "'"),
  ]);
type Grant = {
  amount: number;
  status: string;
  funders: { paid: number; returned: number }[];
  amendments: { kind: string; reason: string }[];
};
const grant = () => stack.api.call<Grant>(f.lead.admin, 'GET', `/grants/${grantId}`);
const paid = async () => (await grant()).funders.reduce((a, s) => a + s.paid - s.returned, 0);

beforeAll(async () => {
  grantId = (await award(f, 'Grant to change', 300_000)).id;
  // One tranche, due later in the year, so nothing is paid by the workflow while the test runs.
  await plan(f, grantId, { tranches: [{ amount: 300_000, dueDate: '2026-09-01' }] });
  lead = await signInAs(stack, f.lead.admin.email);
});

describe('changing a grant from its page', () => {
  it('offers each change to the lead, and none to a member, who gets the not-found page', async () => {
    const page = (await lead.get(`/app/grants/${grantId}`)).html;
    for (const rest of ['payments/new', 'returns/new', 'amendments/new', 'status']) expect(page).toContain(`href="${at(rest)}"`);
    const member = await signInAs(stack, (funders[1] as SeededFunder).admin.email);
    const seen = (await member.get(`/app/grants/${grantId}`)).html;
    for (const rest of ['payments/new', 'returns/new', 'amendments/new', 'status']) {
      expect(seen).not.toContain(at(rest));
      expect((await member.get(at(rest))).status).toBe(404);
    }
  });

  it('records a payment: mistakes named, more than is left refused against the amount, nothing written until it is right', async () => {
    expect((await lead.get(at('payments/new'))).html).toContain('£3,000.00 of the grant&#39;s £3,000.00 is left to pay.');
    const before = await stack.itemCount();
    const empty = await post('payments/new', 'amount', { amount: '', memo: '' });
    expect(empty.status).toBe(400);
    expect(summary(empty.html)).toEqual([['amount', 'Enter the amount paid']]);
    const long = await post('payments/new', 'amount', { amount: '12.345', memo: 'r'.repeat(201) });
    expect(summary(long.html)).toEqual([
      ['amount', 'Amount paid must be in pounds and pence, with no more than 2 decimal places'],
      ['memo', 'Note for the ledger must be 200 characters or fewer'],
    ]);
    expect(long.html).toContain('r'.repeat(201));
    expect(await stack.itemCount()).toBe(before);

    expect((await post('payments/new', 'amount', { amount: '£5,000', memo: 'BACS 1234' })).location).toBe(
      `${at('payments/new')}?page=check`,
    );
    const check = await lead.get(`${at('payments/new')}?page=check`);
    expect(check.html).toContain('£5,000.00');
    const refused = await post('payments/new', 'check', {});
    expect(refused.status).toBe(400);
    expect(summary(refused.html)).toEqual([['amount', 'The amount paid must be £3,000.00 or less: the money left to pay on this grant']]);
    expect(await paid()).toBe(0);

    await post('payments/new', 'amount', { amount: '1,000', memo: 'BACS 1234', return: 'check' });
    const sent = await post('payments/new', 'check', {});
    expect(sent.location).toBe(`${at('payments/new')}?page=done&created=100000`);
    const done = await lead.get(sent.location as string);
    expect(done.html).toContain('Payment recorded');
    expect(done.html).toContain('£1,000.00 paid to Wyvern Voluntary Action');
    expect(done.html).toContain(`href="/app/grants/${grantId}"`);
    expect(await paid()).toBe(100_000);
  });

  it('records money returned, never more than was paid', async () => {
    await post('returns/new', 'amount', { amount: '1500', memo: '' });
    const refused = await post('returns/new', 'check', {});
    expect(summary(refused.html)).toEqual([
      ['amount', 'The amount returned must be £1,000.00 or less: what has been paid on this grant and not returned'],
    ]);
    await post('returns/new', 'amount', { amount: '250.50', memo: 'Underspend', return: 'check' });
    const sent = await post('returns/new', 'check', {});
    expect((await lead.get(sent.location as string)).html).toContain('£250.50 returned by Wyvern Voluntary Action is back in the pool');
    expect(await paid()).toBe(100_000 - 25_050);
  });

  it('amends the amount: the kind chosen, the change, the reason; a change to nothing refused against the field', async () => {
    expect(summary((await post('amendments/new', 'kind', { kind: '' })).html)).toEqual([['kind', 'Select what you want to change']]);
    expect((await post('amendments/new', 'kind', { kind: 'amount' })).location).toBe(`${at('amendments/new')}?page=change`);
    expect((await lead.get(`${at('amendments/new')}?page=change`)).html).toContain('The grant is £3,000.00 now.');
    expect(summary((await post('amendments/new', 'change', { amount: '' })).html)).toEqual([['amount', 'Enter the new amount']]);
    await post('amendments/new', 'change', { amount: '3,000' });
    expect(summary((await post('amendments/new', 'reason', { reason: '' })).html)).toEqual([['reason', 'Enter the reason for the change']]);
    const long = await post('amendments/new', 'reason', { reason: 'w'.repeat(1001) });
    expect(summary(long.html)).toEqual([['reason', 'Reason for the change must be 1,000 characters or fewer']]);
    await post('amendments/new', 'reason', { reason: 'A second hub opens in Eastbrook' });
    const same = await post('amendments/new', 'check', {});
    expect(summary(same.html)).toEqual([['amount', 'New amount: the grant is already £3,000.00']]);
    expect((await grant()).amendments).toEqual([]);

    await post('amendments/new', 'change', { amount: '3,500', return: 'check' });
    const check = await lead.get(`${at('amendments/new')}?page=check`);
    expect(check.html).toContain('New amount: £3,500.00');
    const sent = await post('amendments/new', 'check', {});
    const done = await lead.get(sent.location as string);
    expect(done.html).toContain('Grant amended');
    expect(done.html).toContain('The grant is now £3,500.00.');
    const g = await grant();
    expect(g.amount).toBe(350_000);
    expect(g.amendments.map((a) => [a.kind, a.reason])).toEqual([['amount', 'A second hub opens in Eastbrook']]);
  });

  it('amends the dates with GOV.UK date inputs; an end before the start is refused against the end date', async () => {
    await post('amendments/new', 'kind', { kind: 'dates' });
    const dates = (d: string, m: string, y: string) => ({ 'plannedEnd-day': d, 'plannedEnd-month': m, 'plannedEnd-year': y });
    const start = { 'plannedStart-day': '1', 'plannedStart-month': '4', 'plannedStart-year': '2026' };
    const feb = await post('amendments/new', 'change', { ...start, ...dates('31', '2', '2027') });
    expect(summary(feb.html)).toEqual([['plannedEnd-day', 'New end date must be a real date']]);
    await post('amendments/new', 'change', { ...start, ...dates('31', '3', '2026') });
    await post('amendments/new', 'reason', { reason: 'The hub opens a year late' });
    const refused = await post('amendments/new', 'check', {});
    expect(summary(refused.html)).toEqual([['plannedEnd-day', 'New end date: the end date must not be before the start date']]);
    await post('amendments/new', 'change', { ...start, ...dates('31', '3', '2028'), return: 'check' });
    const sent = await post('amendments/new', 'check', {});
    expect((await lead.get(sent.location as string)).html).toContain('The grant now runs from 1 April 2026 to 31 March 2028.');
  });

  it('changes the status to one the lifecycle allows; one it does not is refused on the check page', async () => {
    const page = await lead.get(at('status'));
    expect(page.html).toContain('value="suspended"');
    expect(page.html).not.toContain('value="closed"');
    expect(summary((await post('status', 'status', { reason: '' })).html)).toEqual([
      ['status', 'Select the new status'],
      ['reason', 'Enter the reason for the change'],
    ]);
    // A status no radio offers (an old page): the lifecycle refuses it when sent, and nothing changes.
    await post('status', 'status', { status: 'closed', reason: 'Finished early' });
    const refused = await post('status', 'check', {});
    expect(refused.status).toBe(400);
    expect(summary(refused.html)[0]?.[1]).toMatch(/^A grant cannot go from awarded to closed/);
    expect((await grant()).status).toBe('awarded');

    await post('status', 'status', { status: 'suspended', reason: 'Governance review under way' });
    const sent = await post('status', 'check', {});
    expect(sent.location).toBe(`${at('status')}?page=done&created=suspended`);
    expect((await lead.get(sent.location as string)).html).toContain('Grant suspended');
    expect((await grant()).status).toBe('suspended');
  });
});
