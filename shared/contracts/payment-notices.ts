import { addDays } from '../platform/london-time';
import type { Regime } from '../tenders/regime';
import {
  daysAfter,
  daysToPay,
  paymentQuarter,
  reportingPeriodOf,
  SECTION_70_IN_FORCE,
  SECTION_70_OVER,
} from '../tenders/statutory-periods';
import type { Contract, Payment } from './contract';

/**
 * What a council must publish about its payments under the Procurement Act 2023, worked out from
 * the payments grantloop holds (pure; the use cases in payment-reports.ts load the contracts):
 * - s.70: each payment of more than £30,000 under a public contract, by quarter, with the day
 *   the quarter's information must be published by;
 * - s.69 and the Procurement Regulations 2024, reg. 38: what a payments compliance notice (UK8)
 *   for a reporting period would say.
 * Above-threshold and light-touch contracts are public contracts; below-threshold ones are not
 * (s.3), and contracts whose regime is not stated are left out and counted, never guessed.
 */

const isPublicContract = (regime: Regime | undefined) => regime === 'above-threshold' || regime === 'light-touch';

interface PaidPayment {
  contractId: string;
  contract: string;
  supplier: string;
  supplierIdentifier: string;
  paymentId: string;
  /** pence */
  amount: number;
  receivedOn: string;
  payBy: string;
  paidOn: string;
  /** reg. 38(2)(c): day 1 is the first day after the invoice day. */
  daysToPay: number;
  /** s.68(2): days after the last day of the 30-day term. */
  daysLate: number;
}

export type Invoiced = Payment & Required<Pick<Payment, 'invoice'>>;

const invoicedOf = (c: Contract) => c.payments.filter((p): p is Invoiced => p.invoice !== undefined);

/** Who was paid, for what and when it was owed: the columns every list of invoiced payments shows. */
export const invoicedPayment = (c: Contract, p: Invoiced) => ({
  supplier: c.supplier.name,
  supplierIdentifier: c.supplier.identifier ?? '',
  paymentId: p.id,
  amount: p.amount,
  receivedOn: p.invoice.receivedOn,
  payBy: p.invoice.payBy,
});

function paidRow(c: Contract, p: Invoiced & Required<Pick<Payment, 'paid'>>): PaidPayment {
  return {
    contractId: c.id,
    contract: c.title,
    ...invoicedPayment(c, p),
    paidOn: p.paid.paidOn,
    daysToPay: daysToPay(p.invoice.receivedOn, p.paid.paidOn),
    daysLate: daysAfter(p.invoice.payBy, p.paid.paidOn),
  };
}

const paidPayments = (contracts: Contract[]) =>
  contracts.flatMap((c) => invoicedOf(c).flatMap((p) => (p.paid ? [{ c, row: paidRow(c, { ...p, paid: p.paid }) }] : [])));

/** s.70: every payment over £30,000 made under a public contract since s.70 came into force, by quarter, newest first. */
export function significantPayments(contracts: Contract[], today: string) {
  const made = paidPayments(contracts).filter(({ row }) => row.amount > SECTION_70_OVER && row.paidOn >= SECTION_70_IN_FORCE);
  const listed = made.filter(({ c }) => isPublicContract(c.regime)).map(({ row }) => row);
  const quarters = new Map<string, ReturnType<typeof paymentQuarter> & { payments: PaidPayment[] }>();
  for (const row of listed.sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.contract.localeCompare(b.contract))) {
    const q = paymentQuarter(row.paidOn);
    const entry = quarters.get(q.first) ?? { ...q, payments: [] };
    entry.payments.push(row);
    quarters.set(q.first, entry);
  }
  return {
    over: SECTION_70_OVER,
    inForceFrom: SECTION_70_IN_FORCE,
    quarters: [...quarters.values()]
      .sort((a, b) => b.first.localeCompare(a.first))
      .map((q) => ({ ...q, ended: today > q.last, publishByPassed: today > q.publishBy })),
    leftOut: {
      regimeNotStated: made.filter(({ c }) => c.regime === undefined).length,
      belowThreshold: made.filter(({ c }) => c.regime === 'below-threshold').length,
    },
  };
}

const percent = (n: number, of: number) => (of ? Math.round((n * 1000) / of) / 10 : null);

/** reg. 38(2)(c)(ii): bands of days taken, day 1 being the first day after the invoice day (a payment on the invoice day is within the first). */
function bands(paid: PaidPayment[]) {
  const count = (f: (d: number) => boolean) => {
    const n = paid.filter((p) => f(p.daysToPay)).length;
    return { count: n, percent: percent(n, paid.length) };
  };
  return { upTo30: count((d) => d <= 30), from31To60: count((d) => d >= 31 && d <= 60), from61: count((d) => d >= 61) };
}

/**
 * What a payments compliance notice (UK8) for the reporting period holding `periodDay` would say,
 * as far as grantloop holds the data (reg. 38(2)). "Sums which became payable" in the period
 * (reg. 38(2)(d)) are taken as those whose s.68(2) term ended in it: the regulations do not define
 * the phrase, and a sum is payable, as distinct from owed, once the day for paying it has come.
 */
export function paymentsCompliance(contracts: Contract[], periodDay: string, today: string) {
  const period = reportingPeriodOf(periodDay);
  if (!period) return undefined;
  const inPeriod = (d: string) => d >= period.first && d <= period.last;
  const publicOnes = contracts.filter((c) => isPublicContract(c.regime));
  const paid = paidPayments(publicOnes)
    .map(({ row }) => row)
    .filter((r) => inPeriod(r.paidOn))
    .sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.contract.localeCompare(b.contract));
  const payable = publicOnes.flatMap((c) => invoicedOf(c).filter((p) => inPeriod(p.invoice.payBy)));
  const notPaid = payable.filter((p) => !p.paid || p.paid.paidOn > period.last).length;
  const totalDays = paid.reduce((a, p) => a + p.daysToPay, 0);
  const touched = (c: Contract) => invoicedOf(c).filter((p) => inPeriod(p.invoice.payBy) || (p.paid && inPeriod(p.paid.paidOn))).length;
  return {
    period,
    ended: today > period.last,
    /** s.69(1): a notice is due only if a payment was made, or a sum became payable, in the period. */
    required: paid.length > 0 || payable.length > 0,
    paid: {
      count: paid.length,
      totalDays,
      averageDays: paid.length ? Math.round((totalDays * 10) / paid.length) / 10 : null,
      bands: bands(paid),
      lateUnderSection68: paid.filter((p) => p.daysLate > 0).length,
      payments: paid,
    },
    becamePayable: { count: payable.length, notPaidInPeriod: { count: notPaid, percent: percent(notPaid, payable.length) } },
    leftOut: {
      regimeNotStated: contracts.filter((c) => c.regime === undefined).reduce((a, c) => a + touched(c), 0),
      belowThreshold: contracts.filter((c) => c.regime === 'below-threshold').reduce((a, c) => a + touched(c), 0),
    },
  };
}

/** The reporting periods a council can look at: from s.69's first to the one holding today, newest first. */
export function reportingPeriodsUpTo(today: string) {
  const periods = [];
  for (let p = reportingPeriodOf(today); p; p = reportingPeriodOf(addDays(p.first, -1))) periods.push(p);
  return periods;
}

/** The period a notice is prepared for by default: the latest that has ended (the next to publish), or the first. */
export function defaultPeriodDay(today: string): string {
  const periods = reportingPeriodsUpTo(today);
  return (periods.find((p) => p.last < today) ?? periods.at(-1))?.first ?? today;
}
