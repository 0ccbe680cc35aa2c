import { KPI_CONTRACT_VALUE } from '../tenders/duties';
import type { Amendment, Contract } from './contract';

/**
 * Which Procurement Act notices a contract's management publishes, by its regime.
 *
 * - UK9, contract performance notice: KPIs are set for a public contract worth more than £5
 *   million (s.52(1)) and performance against them published (s.71); not for a light-touch
 *   contract (s.52(6)(d), s.71(6)), nor below threshold. A contract whose regime is not recorded
 *   (stored before it was) publishes none: grantloop cannot say one is due.
 * - UK10, contract change notice (s.75): before modifying a public contract above threshold,
 *   unless the change is small: it moves the value by 10% or less (goods and services) and the
 *   term by 10% or less, measured against the contract as awarded. Not for a light-touch contract
 *   (s.75(6)(b)), nor below threshold.
 */
export const performanceNoticeDue = (c: Pick<Contract, 'regime' | 'value'>) =>
  c.regime === 'above-threshold' && c.value > KPI_CONTRACT_VALUE;

/** The value and the end date the contract was awarded with: before any amendment changed them. */
function asAwarded(c: Contract) {
  const first = (field: string) => c.amendments.flatMap((a) => a.changes).find((x) => x.field === field)?.from;
  return { value: Number(first('value') ?? c.value), endDate: first('period.endDate') ?? c.period.endDate };
}

const days = (from: string, to: string) => (Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000;

/** Whether the changes about to be made need a UK10 first: more than 10% of the awarded value or term (s.75). */
export function changeNoticeDue(c: Contract, changes: Amendment['changes']): boolean {
  if (c.regime !== 'above-threshold') return false;
  const awarded = asAwarded(c);
  const term = days(c.period.startDate, awarded.endDate);
  return changes.some((x) => {
    if (x.field === 'value') return Math.abs(Number(x.to) - Number(x.from)) * 10 > awarded.value;
    if (x.field === 'period.endDate') return Math.abs(days(x.from, x.to)) * 10 > term;
    return false;
  });
}
