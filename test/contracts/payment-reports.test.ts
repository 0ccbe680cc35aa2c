import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoiceReceived, paymentMade } from '../../shared/contracts/actions';
import { buildContract, type Contract, type ContractInput } from '../../shared/contracts/contract';
import { registerContract, registered } from '../../shared/contracts/contracts';
import { subject } from '../../shared/contracts/events';
import { contractFromAward } from '../../shared/contracts/from-tender';
import { paymentNotices } from '../../shared/contracts/payment-publication';
import { latePayments, latePaymentsCsv } from '../../shared/contracts/payment-reports';
import { contractView } from '../../shared/contracts/views';
import type { DomainError } from '../../shared/platform/errors';
import type { Regime } from '../../shared/tenders/regime';
import { contractInput } from '../support/contract-input';
import { type ContractSystem, contractSystem } from '../support/contract-memory';

/**
 * A council's year of payments, on the in-memory adapters, seen on 10 April 2027. Every figure
 * expected below was worked out by hand from the dates (days counted on a calendar):
 *
 * | contract (regime)  | payment | amount      | invoice     | pay by      | paid        | days to pay | late |
 * | A (light touch)    | P1      | £30,000.00  | 5 Dec 2026  | 3 Jan 2027  | 4 Jan 2027  | 30          | 1    |
 * | A                  | P2      | £30,000.01  | 1 Oct 2026  | 30 Oct 2026 | 30 Oct 2026 | 29          | 0    |
 * | A                  | P3      | £139,999.99 | 10 Nov 2026 | 9 Dec 2026  | 19 Jan 2027 | 70          | 41   |
 * | B (below threshold)| P1      | £50,000.00  | 1 Dec 2026  | 30 Dec 2026 | 2 Feb 2027  | 63          | 34   |
 * | C (not stated)     | P1      | £40,000.00  | 1 Nov 2026  | 30 Nov 2026 | 15 Nov 2026 | 14          | 0    |
 * | D (above threshold)| P1      | £100,000.00 | 20 Sep 2026 | 19 Oct 2026 | 5 Nov 2026  | 46          | 17   |
 * | D                  | P2      | £200,000.00 | 10 Mar 2027 | 8 Apr 2027  | unpaid      |             | 2 so far |
 * | E (light touch)    | P1      | £10,000.00  | 1 Mar 2027  | 30 Mar 2027 | 2 Apr 2027  | 32          | 3    |
 */
let s: ContractSystem;
const ids: Record<string, string> = {};

const input = (title: string, amounts: number[]): ContractInput =>
  contractInput({
    title,
    value: amounts.reduce((a, b) => a + b, 0),
    period: { startDate: '2026-04-01', endDate: '2027-03-31' },
    payments: amounts.map((amount, i) => ({ dueDate: `2026-${String(9 + i).padStart(2, '0')}-01`, amount })),
    milestones: [],
  });

async function register(key: string, amounts: number[], regime: Regime | undefined) {
  if (regime) {
    ids[key] = (await registerContract(s.deps, s.officer, s.council.id, { ...input(`Contract ${key}`, amounts), regime })).id;
    return;
  }
  // A contract stored before grantloop kept the regime: written as it was then, without one.
  const old = buildContract(input(`Contract ${key}`, amounts), {
    id: `01JOLDCONTRACT00000000000${key}`,
    councilOrgId: s.council.id,
    by: s.officer.user.id,
    now: s.sys.clock.now(),
    source: { kind: 'direct' },
    status: 'active',
  });
  await s.deps.contracts.createContract(old, registered(old, 'migration', s.sys.clock.now()));
  ids[key] = old.id;
}

const pay = async (key: string, payment: string, receivedOn: string, paidOn?: string) => {
  await invoiceReceived(s.deps, s.officer, ids[key] as string, payment, { receivedOn });
  if (paidOn) await paymentMade(s.deps, s.officer, ids[key] as string, payment, { paidOn });
};

beforeAll(async () => {
  s = await contractSystem(new Date('2027-04-10T09:00:00Z'));
  await register('A', [3_000_000, 3_000_001, 13_999_999], 'light-touch');
  await register('B', [5_000_000], 'below-threshold');
  await register('C', [4_000_000], undefined);
  await register('D', [10_000_000, 20_000_000], 'above-threshold');
  await register('E', [1_000_000], 'light-touch');
  await pay('A', 'P1', '2026-12-05', '2027-01-04');
  await pay('A', 'P2', '2026-10-01', '2026-10-30');
  await pay('A', 'P3', '2026-11-10', '2027-01-19');
  await pay('B', 'P1', '2026-12-01', '2027-02-02');
  await pay('C', 'P1', '2026-11-01', '2026-11-15');
  await pay('D', 'P1', '2026-09-20', '2026-11-05');
  await pay('D', 'P2', '2027-03-10');
  await pay('E', 'P1', '2027-03-01', '2027-04-02');
});

describe('recording invoices and payments', () => {
  it('keeps the three dates on the contract, with each status, and writes each event', async () => {
    const a = await contractView(s.deps, s.officer, ids.A as string);
    expect(a.payments.map((p) => [p.id, p.invoice?.receivedOn, p.invoice?.payBy, p.paid?.paidOn, p.status.label])).toEqual([
      ['P1', '2026-12-05', '2027-01-03', '2027-01-04', 'Paid 1 day late'],
      ['P2', '2026-10-01', '2026-10-30', '2026-10-30', 'Paid on time'],
      ['P3', '2026-11-10', '2026-12-09', '2027-01-19', 'Paid 41 days late'],
    ]);
    expect((await contractView(s.deps, s.officer, ids.D as string)).payments[1]?.status.label).toBe('Overdue by 2 days');
    const events = s.sys.table.query<{ type: string; data: Record<string, unknown> }>(subject.contract(ids.A as string), 'EVENT#');
    expect(events.filter((e) => e.type === 'contract.payment-made').map((e) => [e.data.paymentId, e.data.daysLate])).toEqual(
      expect.arrayContaining([
        ['P1', 1],
        ['P2', 0],
        ['P3', 41],
      ]),
    );
    expect(events.find((e) => e.type === 'contract.invoice-received' && e.data.paymentId === 'P1')?.data).toMatchObject({
      receivedOn: '2026-12-05',
      payBy: '2027-01-03',
    });
  });

  it('lets only the council’s officers record them; others of the council get forbidden, outsiders not-found', async () => {
    const kind = async (f: () => Promise<unknown>) => f().catch((e: DomainError) => e.kind);
    expect(await kind(() => invoiceReceived(s.deps, s.viewer, ids.E as string, 'P1', { receivedOn: '2027-03-01' }))).toBe('forbidden');
    expect(await kind(() => paymentMade(s.deps, s.outsider, ids.E as string, 'P1', { paidOn: '2027-04-02' }))).toBe('not-found');
  });

  it('derives the regime of a contract registered without one: light touch unless said otherwise, by the dated thresholds', async () => {
    const regimeOf = async (value: number, lightTouch?: boolean) =>
      (await registerContract(s.deps, s.officer, s.council.id, { ...input('Derived', [value]), lightTouch })).regime;
    // Light touch from £663,540.00; other services bought by a council from £207,720.00 (from 1 January 2026).
    expect(await regimeOf(66_353_999)).toBe('below-threshold');
    expect(await regimeOf(66_354_000)).toBe('light-touch');
    expect(await regimeOf(20_771_999, false)).toBe('below-threshold');
    expect(await regimeOf(20_772_000, false)).toBe('above-threshold');
  });
});

describe('the regime of a contract from a tender award', () => {
  const award = (regime: Regime | undefined) => {
    const created: Contract[] = [];
    const deps = {
      consortia: s.deps.consortia,
      contracts: { createContract: async (c: Contract) => void created.push(c) },
      clock: s.sys.clock,
    };
    // tender.lot-awarded as the tender's award writes it: the contract needs nothing else.
    const event = {
      tenderId: 'T1',
      lot: { id: 'lot-1', title: 'Lot 1' },
      price: 5_000_000,
      winner: { interestId: 'I1', orgId: 'O1', name: 'Eastbrook CVS', email: 'bids@eastbrook.example.org' },
      grantId: 'G0',
      poolId: 'P',
      buyerOrgId: s.council.id,
      title: 'Infrastructure support: Lot 1',
      description: 'Support for small groups.',
      startDate: '2027-01-05',
      endDate: '2028-01-04',
      ...(regime ? { regime } : {}),
    };
    return contractFromAward(deps, event).then(() => created[0]?.regime);
  };

  it('takes the tender’s regime, and leaves it unknown for a tender stored before tenders carried one', async () => {
    expect(await award('light-touch')).toBe('light-touch');
    expect(await award(undefined)).toBeUndefined();
  });
});

describe("a council's late payments", () => {
  it('lists every payment paid after its term or still unpaid after it, the latest first, and as CSV in pounds', async () => {
    const view = await latePayments(s.deps, s.officer, s.council.id);
    expect(view.rows.map((r) => [r.contract, r.paymentId, r.status, r.daysLate])).toEqual([
      ['Contract A', 'P3', 'paid-late', 41],
      ['Contract B', 'P1', 'paid-late', 34],
      ['Contract D', 'P1', 'paid-late', 17],
      ['Contract E', 'P1', 'paid-late', 3],
      ['Contract D', 'P2', 'overdue', 2],
      ['Contract A', 'P1', 'paid-late', 1],
    ]);
    const rows = parse(latePaymentsCsv(view), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toEqual({
      contract_id: ids.A,
      contract: 'Contract A',
      contract_status: 'active',
      regime: 'light-touch',
      supplier: 'Wyvern Voluntary Action',
      supplier_identifier: 'GB-CHC-1077001',
      payment_id: 'P3',
      amount_gbp: '139999.99',
      invoice_received: '2026-11-10',
      pay_by: '2026-12-09',
      paid: '2027-01-19',
      status: 'paid-late',
      days_late: '41',
    });
    expect(rows.find((r) => r.status === 'overdue')).toMatchObject({ amount_gbp: '200000', paid: '', days_late: '2' });
  });
});

describe('what the council must publish', () => {
  it('s.70: payments of more than £30,000 under public contracts, by quarter, with the day to publish by', async () => {
    const { significantPayments: s70 } = await paymentNotices(s.deps, s.officer, s.council.id);
    expect(
      s70.quarters.map((q) => [q.first, q.last, q.publishBy, q.ended, q.payments.map((p) => [p.contract, p.paymentId, p.amount])]),
    ).toEqual([
      ['2027-01-01', '2027-03-31', '2027-04-29', true, [['Contract A', 'P3', 13_999_999]]],
      [
        '2026-10-01',
        '2026-12-31',
        '2027-01-29',
        true,
        [
          ['Contract A', 'P2', 3_000_001],
          ['Contract D', 'P1', 10_000_000],
        ],
      ],
    ]);
    // £30,000.00 exactly (A P1) is not more than £30,000; B is below threshold and C's regime is not stated.
    expect(s70.leftOut).toEqual({ regimeNotStated: 1, belowThreshold: 1 });
    expect(s70.notHeld.length).toBeGreaterThan(0);
  });

  it('UK8: the figures regulation 38 asks for, for the period 1 October 2026 to 31 March 2027', async () => {
    const { paymentsCompliance: c, periods } = await paymentNotices(s.deps, s.officer, s.council.id);
    expect(periods.map((p) => p.first)).toEqual(['2027-04-01', '2026-10-01', '2026-04-01', '2026-01-01']);
    expect(c?.period).toMatchObject({ first: '2026-10-01', last: '2027-03-31', publishBy: '2027-04-29' });
    expect([c?.ended, c?.required]).toEqual([true, true]);
    // Paid in the period under public contracts: A P1 (30 days), A P2 (29), A P3 (70), D P1 (46): 175 days over 4 = 43.75.
    expect(c?.paid).toMatchObject({
      count: 4,
      totalDays: 175,
      averageDays: 43.8,
      bands: { upTo30: { count: 2, percent: 50 }, from31To60: { count: 1, percent: 25 }, from61: { count: 1, percent: 25 } },
      lateUnderSection68: 3,
    });
    // Terms ending in the period: A P1, A P2, A P3, D P1 and E P1 (30 March; paid 2 April, after the period): 1 of 5.
    expect(c?.becamePayable).toEqual({ count: 5, notPaidInPeriod: { count: 1, percent: 20 } });
    expect(c?.leftOut).toEqual({ regimeNotStated: 1, belowThreshold: 1 });
  });

  it('UK8 for an earlier period holding no payment needs no notice; a day before s.69 began is refused', async () => {
    const { paymentsCompliance: c } = await paymentNotices(s.deps, s.officer, s.council.id, '2026-06-15');
    expect(c?.period).toMatchObject({ first: '2026-04-01', last: '2026-09-30', publishBy: '2026-10-29' });
    expect([c?.required, c?.paid.count, c?.paid.averageDays, c?.becamePayable.notPaidInPeriod.percent]).toEqual([false, 0, null, null]);
    const refused = await paymentNotices(s.deps, s.officer, s.council.id, '2025-12-31').catch((e: DomainError) => e.issues[0]?.rule);
    expect(refused).toBe('in-force');
  });
});
