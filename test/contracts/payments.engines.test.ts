import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import { londonTime } from '../../shared/platform/london-time';
import { type ContractView, contractBody, contractFormPath, getContract, register } from '../support/contract';
import { type PageClient, signInAs } from '../support/pages';
import { useTestStack } from '../support/use-stack';

/**
 * Payments under contracts through the API and the pages, on the engines. The clock moves to
 * 20 January 2027 so that the dates recorded are in the past; every expected date and figure was
 * worked out by hand:
 *
 * | contract (regime)   | payment | amount      | invoice     | pay by      | paid        | days to pay (reg. 38) | late |
 * | A (light touch)     | P1      | £30,000.00  | 5 Dec 2026  | 3 Jan 2027  | 4 Jan 2027  | 30                    | 1    |
 * | A                   | P2      | £30,000.01  | 1 Oct 2026  | 30 Oct 2026 | 30 Oct 2026 | 29                    | 0    |
 * | B (below threshold) | P1      | £50,000.00  | 1 Dec 2026  | 30 Dec 2026 | 2 Jan 2027  | 32                    | 3    |
 * | D (above threshold) | P1      | £100,000.00 | 20 Sep 2026 | 19 Oct 2026 | 5 Nov 2026  | 46                    | 17   |
 */
const { stack, funders } = useTestStack({ seed: true });
const council = () => funders[0] as SeededFunder;
const contracts: Record<string, ContractView> = {};

beforeAll(async () => {
  const period = { startDate: '2026-04-01', endDate: '2027-03-31' };
  const body = (title: string, amounts: number[], extra: Record<string, unknown>) => ({
    ...contractBody(stack, title, []),
    value: amounts.reduce((a, b) => a + b, 0),
    period,
    payments: amounts.map((amount, i) => ({ dueDate: `2026-${10 + i}-01`, amount })),
    ...extra,
  });
  contracts.A = await register(stack, council(), body('Paid contract A', [3_000_000, 3_000_001], { regime: 'light-touch' }));
  // No regime stated: £50,000 of light-touch services is below the £663,540 threshold.
  contracts.B = await register(stack, council(), body('Paid contract B', [5_000_000], {}));
  contracts.D = await register(stack, council(), body('Paid contract D', [10_000_000], { regime: 'above-threshold' }));
  await stack.runtime.advanceTo(londonTime('2027-01-20', '09:00'));
  await stack.runtime.settle();
});

const api = <T>(path: string, body: unknown) => stack.api.call<T>(council().admin, 'POST', path, body);
const payment = (c: ContractView, id: string) => c.payments.find((p) => p.id === id);
const post = async (c: PageClient, id: string, fields: Record<string, string>) =>
  c.post(contractFormPath(id, fields.action), { ...fields, csrf: await c.csrf() });
const dateFields = (name: string, [day, month, year]: string[]) => ({
  [`${name}-day`]: day,
  [`${name}-month`]: month,
  [`${name}-year`]: year,
});

describe('payments under contracts', () => {
  it('records invoices and payments through the API: the day to pay by, late by how many days, nonsense refused', async () => {
    expect([contracts.A?.regime, contracts.B?.regime, contracts.D?.regime]).toEqual(['light-touch', 'below-threshold', 'above-threshold']);
    const a = contracts.A as ContractView;
    // The write answers the contract as saved; its view (GET) adds each payment's status today, 20 January 2027.
    const invoiced = await api<ContractView>(`/contracts/${a.id}/payments/P1/invoice`, { receivedOn: '2026-12-05' });
    expect(payment(invoiced, 'P1')).toMatchObject({ invoice: { receivedOn: '2026-12-05', payBy: '2027-01-03' } });
    const overdue = payment(await getContract(stack, council(), a.id), 'P1');
    expect(overdue?.status).toEqual({ state: 'overdue', daysLate: 17, label: 'Overdue by 17 days' });
    await api(`/contracts/${a.id}/payments/P1/paid`, { paidOn: '2027-01-04' });
    expect(payment(await getContract(stack, council(), a.id), 'P1')?.status.label).toBe('Paid 1 day late');

    const refused = (path: string, body: unknown) => stack.request('POST', path, { as: council().admin, body });
    const twice = await refused(`/contracts/${a.id}/payments/P1/paid`, { paidOn: '2027-01-05' });
    expect([twice.status, twice.body.rule, twice.body.message]).toEqual([
      409,
      'paid-once',
      'payment P1 was already recorded as paid on 4 January 2027',
    ]);
    const first = await refused(`/contracts/${a.id}/payments/P2/paid`, { paidOn: '2027-01-05' });
    expect([first.status, first.body.rule]).toEqual([409, 'invoice-first']);
    const future = await refused(`/contracts/${a.id}/payments/P2/invoice`, { receivedOn: '2027-01-21' });
    expect([future.status, future.body.issues?.[0]?.field, future.body.issues?.[0]?.rule]).toEqual([400, 'receivedOn', 'not-future']);
    const malformed = await refused(`/contracts/${a.id}/payments/P2/invoice`, { receivedOn: '5 December 2026' });
    expect(malformed.status).toBe(400);
    expect((await refused(`/contracts/${a.id}/payments/P9/invoice`, { receivedOn: '2026-12-05' })).status).toBe(404);

    await api(`/contracts/${contracts.B?.id}/payments/P1/invoice`, { receivedOn: '2026-12-01' });
    await api(`/contracts/${contracts.B?.id}/payments/P1/paid`, { paidOn: '2027-01-02' });
    await api(`/contracts/${contracts.D?.id}/payments/P1/invoice`, { receivedOn: '2026-09-20' });
    await api(`/contracts/${contracts.D?.id}/payments/P1/paid`, { paidOn: '2026-11-05' });
  });

  it('takes the invoice and the payment on the contract page, in day, month and year fields, decoded as the API decodes them', async () => {
    const a = contracts.A as ContractView;
    const staff = await signInAs(stack, council().admin.email);
    expect((await staff.get(`/app/contracts/${a.id}`)).html).toContain('Light touch: a public contract');
    const page = await staff.get(`/app/contracts/${a.id}/payments`);
    expect(page.html).toMatch(/govuk-tag--orange">Paid 1 day late<\/strong>/);
    expect(page.html).toMatch(/govuk-tag--grey">Awaiting invoice<\/strong>/);
    expect(page.html).toContain('Invoice for P2 (£30,000.01)');

    const errorOf = (html: string) => [/govuk-error-summary__list">\s*<li><a href="#([^"]+)">([^<]+)</.exec(html)?.slice(1)];
    const blank = await post(staff, a.id, { action: 'invoice', payment: 'P2' });
    expect([blank.status, ...errorOf(blank.html)]).toEqual([400, ['receivedOn-P2-day', 'Enter the date the invoice was received']]);
    const noMonth = await post(staff, a.id, { action: 'invoice', payment: 'P2', ...dateFields('receivedOn-P2', ['1', '', '2026']) });
    expect(errorOf(noMonth.html)).toEqual([['receivedOn-P2-month', 'Date the invoice was received must include a month']]);
    const unreal = await post(staff, a.id, { action: 'invoice', payment: 'P2', ...dateFields('receivedOn-P2', ['31', '2', '2027']) });
    expect(errorOf(unreal.html)).toEqual([['receivedOn-P2-day', 'Date the invoice was received must be a real date']]);
    const future = await post(staff, a.id, { action: 'invoice', payment: 'P2', ...dateFields('receivedOn-P2', ['21', '1', '2027']) });
    expect(errorOf(future.html)).toEqual([['receivedOn-P2-day', 'The date the invoice was received must be today or in the past']]);
    expect(future.html).toContain('value="21"');

    const invoiced = await post(staff, a.id, { action: 'invoice', payment: 'P2', ...dateFields('receivedOn-P2', ['1', '10', '2026']) });
    expect([invoiced.status, invoiced.location]).toEqual([303, `/app/contracts/${a.id}/payments?done=invoice`]);
    const after = await staff.get(invoiced.location as string);
    expect(after.html).toContain('Payment P2 (£30,000.01), to pay by 30 October 2026');
    const early = await post(staff, a.id, { action: 'paid', payment: 'P2', ...dateFields('paidOn-P2', ['30', '9', '2026']) });
    expect(errorOf(early.html)).toEqual([
      ['paidOn-P2-day', 'The date paid must be on or after the day the invoice was received, 1 October 2026'],
    ]);
    const paid = await post(staff, a.id, { action: 'paid', payment: 'P2', ...dateFields('paidOn-P2', ['30', '10', '2026']) });
    expect(paid.status).toBe(303);
    expect((await staff.get(`/app/contracts/${a.id}/payments`)).html).toMatch(/govuk-tag--green">Paid on time<\/strong>/);
  });

  it('gives the late payments as CSV, from the API and the payments page', async () => {
    const res = await fetch(`${stack.runtime.apiUrl}/councils/${council().org.id}/late-payments?format=csv`, {
      headers: { authorization: `Bearer ${await stack.runtime.issuer.sign({ sub: council().admin.id, email: council().admin.email })}` },
    });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(
      rows.map((r) => [r.contract, r.supplier, r.payment_id, r.amount_gbp, r.invoice_received, r.pay_by, r.paid, r.days_late]),
    ).toEqual([
      ['Paid contract D', 'Wyvern Voluntary Action', 'P1', '100000', '2026-09-20', '2026-10-19', '2026-11-05', '17'],
      ['Paid contract B', 'Wyvern Voluntary Action', 'P1', '50000', '2026-12-01', '2026-12-30', '2027-01-02', '3'],
      ['Paid contract A', 'Wyvern Voluntary Action', 'P1', '30000', '2026-12-05', '2027-01-03', '2027-01-04', '1'],
    ]);
    const staff = await signInAs(stack, council().admin.email);
    const download = await staff.get(`/app/councils/${council().org.id}/payments?download=late-payments`);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(download.html.split('\n')[0]).toBe(
      'contract_id,contract,contract_status,regime,supplier,supplier_identifier,payment_id,amount_gbp,invoice_received,pay_by,paid,status,days_late',
    );
  });

  it('lists payments of more than £30,000 under public contracts by quarter (s.70) and shows a UK8 notice’s figures', async () => {
    type Notices = {
      significantPayments: {
        quarters: { first: string; publishBy: string; payments: { contract: string; amount: number }[] }[];
        leftOut: unknown;
      };
      paymentsCompliance: Record<string, unknown>;
    };
    const notices = await stack.api.call<Notices>(
      council().admin,
      'GET',
      `/councils/${council().org.id}/payment-notices?period=2026-10-01`,
    );
    // A's £30,000.00 (paid in January) is not more than £30,000, so no January–March quarter at all; B is below threshold.
    expect(notices.significantPayments.quarters.map((q) => [q.first, q.publishBy, q.payments.map((p) => [p.contract, p.amount])])).toEqual([
      [
        '2026-10-01',
        '2027-01-29',
        [
          ['Paid contract A', 3_000_001],
          ['Paid contract D', 10_000_000],
        ],
      ],
    ]);
    expect(notices.significantPayments.leftOut).toEqual({ regimeNotStated: 0, belowThreshold: 1 });
    // Paid in the period under public contracts: A P1 (30 days), A P2 (29), D P1 (46): 105 over 3 = 35.
    expect(notices.paymentsCompliance).toMatchObject({
      period: { first: '2026-10-01', last: '2027-03-31', publishBy: '2027-04-29' },
      ended: false,
      required: true,
      paid: {
        count: 3,
        averageDays: 35,
        bands: { upTo30: { count: 2, percent: 66.7 }, from31To60: { count: 1, percent: 33.3 }, from61: { count: 0, percent: 0 } },
        lateUnderSection68: 2,
      },
      becamePayable: { count: 3, notPaidInPeriod: { count: 0, percent: 0 } },
      leftOut: { regimeNotStated: 0, belowThreshold: 1 },
    });

    const staff = await signInAs(stack, council().admin.email);
    expect((await staff.get(`/app/councils/${council().org.id}/contracts`)).html).toContain(
      `href="/app/councils/${council().org.id}/payments"`,
    );
    const page = await staff.get(`/app/councils/${council().org.id}/payments?period=2026-10-01`);
    expect(page.status).toBe(200);
    const s70 = page.html.slice(
      page.html.indexOf('Payments over £30,000 to publish'),
      page.html.indexOf('Payments compliance notice (UK8'),
    );
    expect(s70).toContain('1 October 2026 to 31 December 2026: publish by 29 January 2027');
    expect(s70).toContain('£30,000.01');
    expect(s70).not.toContain('£30,000.00');
    expect(page.html).toMatch(/Paid within 30 days<\/dt>\s*<dd class="govuk-summary-list__value">2 \(66.7%\)/);
    expect(page.html).toContain('29 April 2027 (the period has not ended)');
    expect(page.html).toMatch(/govuk-tag--orange">Paid 17 days late<\/strong>/);
    expect(page.html).toContain('What grantloop does not hold');
  });
});
