import { addDays } from '../platform/london-time';
import { nthWorkingDay } from './working-days';

/**
 * Every period the Procurement Act 2023 fixes that grantloop keeps, in one place. Each says the
 * section it implements. "A period of N days beginning with the day X" includes X, so it ends on
 * X + N − 1; working days are UK-wide (s.123(1), `working-days.ts`).
 */

/** The mandatory standstill, and the least a voluntary one may be: eight working days (s.51(2), s.51(5)). */
export const STANDSTILL_WORKING_DAYS = 8;

/**
 * A standstill period (s.51): `workingDays` working days beginning with the day the contract
 * award notice (UK6) is published. The mandatory period is eight (s.51(2)); a voluntary one, where
 * the mandatory period does not apply (a light-touch contract, s.51(3)(f)), must be at least
 * eight (s.51(5)). The contract may be entered into from the day after `lastDay`.
 */
export function standstill(publishedOn: string, workingDays = STANDSTILL_WORKING_DAYS) {
  if (!Number.isInteger(workingDays) || workingDays < STANDSTILL_WORKING_DAYS)
    throw new Error(
      `a standstill period is at least ${STANDSTILL_WORKING_DAYS} working days (s.51(2), s.51(5)); ${workingDays} was asked for`,
    );
  const lastDay = nthWorkingDay(publishedOn, workingDays);
  return { firstDay: publishedOn, firstWorkingDay: nthWorkingDay(publishedOn, 1), lastDay, endsAfter: addDays(lastDay, 1) };
}

/** The last day of a period of `days` days beginning with `start` (its first day counts). */
const lastDayOf = (start: string, days: number) => addDays(start, days - 1);

/**
 * When the contract details notice (UK7) is due, from the day the contract is entered into:
 * - a public contract: before the end of 30 days beginning with that day (s.53(1));
 * - a light-touch contract: 120 days instead of 30 (s.53);
 * - a notifiable below-threshold contract: "as soon as reasonably practicable" (s.87), no fixed day;
 * - a below-threshold contract that is not notifiable: no notice at all.
 */
export function contractDetailsDue(
  enteredOn: string,
  regime: { regime: 'above-threshold' | 'light-touch' | 'below-threshold'; notifiable: boolean },
): { by: string; section: string } | { asap: true; section: string } | undefined {
  if (regime.regime === 'above-threshold') return { by: lastDayOf(enteredOn, 30), section: 's.53(1)' };
  if (regime.regime === 'light-touch') return { by: lastDayOf(enteredOn, 120), section: 's.53 (light-touch contracts: 120 days)' };
  return regime.notifiable ? { asap: true, section: 's.87' } : undefined;
}

/**
 * Payment terms: a sum due under a public contract is paid within 30 days beginning with the
 * day the invoice is received (s.68(2)); the same term is implied into a below-threshold contract
 * (s.88). Returns the last day on which paying is on time.
 */
export const paymentDueBy = (invoiceReceivedOn: string) => lastDayOf(invoiceReceivedOn, 30);

/**
 * The start of the s.68(2) payment term: the day the invoice is received or, "if later, the day
 * on which the payment falls due in accordance with the invoice" (s.68(2)); s.88 implies the
 * same term below threshold. Returns the last day on which paying is on time.
 */
export const paymentDueByInvoice = (invoice: { receivedOn: string; fallsDueOn?: string | undefined }) =>
  paymentDueBy(invoice.fallsDueOn && invoice.fallsDueOn > invoice.receivedOn ? invoice.fallsDueOn : invoice.receivedOn);

const calendarDaysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

/**
 * Days taken to pay, as a payments compliance notice counts them: "day 1 is the first day after
 * the invoice day" (Procurement Regulations 2024, reg. 38(2)(c)), so a payment on the day after
 * the invoice day took 1 day, and one on the invoice day itself 0. This differs by one from
 * s.68(2), whose 30 days begin with the invoice day: a payment on day 30 is in the notice's first
 * band yet one day late under s.68(2).
 */
export const daysToPay = (invoiceDay: string, paidOn: string) => calendarDaysFrom(invoiceDay, paidOn);

/** Whole days after `lastDay` that `day` falls (0 when on or before it): how late a payment is. */
export const daysAfter = (lastDay: string, day: string) => Math.max(0, calendarDaysFrom(lastDay, day));

/**
 * Publication of payments over £30,000 (s.70): information about "any payment of more than
 * £30,000 made by the authority under a public contract" (s.70(1)), so £30,000.00 itself is not
 * published; "before the end of the period of 30 days beginning with the last day of the quarter
 * in which the payment was made" (s.70(2)). Quarters are the calendar quarters beginning 1
 * January, 1 April, 1 July and 1 October, as the Cabinet Office's guidance on contract payment
 * information (February 2026) counts them: the first, 1 April to 30 June 2026, is published by
 * 29 July 2026. s.70 came into force on 1 April 2026 in England (the Procurement Act 2023
 * (Commencement No. 4) Regulations 2025, SI 2025/1316).
 */
export const SECTION_70_OVER = 3_000_000;
export const SECTION_70_IN_FORCE = '2026-04-01';

export function paymentQuarter(paidOn: string) {
  const year = Number(paidOn.slice(0, 4));
  const q = Math.floor((Number(paidOn.slice(5, 7)) - 1) / 3);
  const first = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const last = addDays(q === 3 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 4).padStart(2, '0')}-01`, -1);
  return { first, last, publishBy: lastDayOf(last, 30), section: 's.70(2)' };
}

/**
 * Payments compliance notices (UK8, s.69): published "before the end of the period of 30 days
 * beginning with the last day of a reporting period" (s.69(1)). The first reporting period runs
 * from the day s.69 came into force to the next 31 March or 30 September, whichever is earlier,
 * then each successive six months (s.69(3)). s.69 came into force on 1 January 2026 in England
 * (SI 2025/1316), so the periods are 1 January to 31 March 2026, then 1 April to 30 September
 * and 1 October to 31 March. Undefined before it came into force.
 */
const SECTION_69_IN_FORCE = '2026-01-01';

export function reportingPeriodOf(date: string) {
  if (date < SECTION_69_IN_FORCE) return undefined;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const [first, last] =
    date <= '2026-03-31'
      ? [SECTION_69_IN_FORCE, '2026-03-31']
      : month >= 4 && month <= 9
        ? [`${year}-04-01`, `${year}-09-30`]
        : month >= 10
          ? [`${year}-10-01`, `${year + 1}-03-31`]
          : [`${year - 1}-10-01`, `${year}-03-31`];
  return { first, last, publishBy: lastDayOf(last, 30), section: 's.69(1), s.69(3)' };
}
