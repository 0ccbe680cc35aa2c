import { conflict, invalid } from '../platform/errors';
import { pounds } from '../platform/format';
import { checkPence } from '../platform/money';
import type { Restriction } from './restriction';

/** A funder's promise to a pool, possibly over several financial years (April to March). */
interface PledgeYear {
  financialYear: string;
  amount: number;
  received: number;
}

export interface Pledge {
  id: string;
  poolId: string;
  funderOrgId: string;
  restriction: Restriction;
  years: PledgeYear[];
  createdAt: string;
}

/** `2026-27`: the English public-sector financial year starting 1 April 2026. */
function checkFinancialYear(field: string, fy: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(fy);
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) {
    throw invalid(field, 'financial-year', `must be a financial year like 2026-27 (April 2026 to March 2027); got "${fy}"`);
  }
  return fy;
}

/** The financial year a date falls in. */
export function financialYearOf(date: Date): string {
  const y = date.getUTCFullYear();
  const start = date.getUTCMonth() >= 3 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export function preparePledgeYears(years: { financialYear: string; amount: number }[]): PledgeYear[] {
  const seen = new Set<string>();
  return years.map((y, i) => {
    checkFinancialYear(`years[${i}].financialYear`, y.financialYear);
    checkPence(`years[${i}].amount.amount`, y.amount);
    if (seen.has(y.financialYear)) throw invalid(`years[${i}].financialYear`, 'unique-year', `${y.financialYear} is listed twice`);
    seen.add(y.financialYear);
    return { financialYear: y.financialYear, amount: y.amount, received: 0 };
  });
}

export const pledged = (p: Pledge): number => p.years.reduce((a, y) => a + y.amount, 0);
export const receivedOn = (p: Pledge): number => p.years.reduce((a, y) => a + y.received, 0);

/** Checks a receipt against the pledge year; more than was pledged is refused, not absorbed. */
export function checkReceipt(p: Pledge, financialYear: string, amount: number): PledgeYear {
  const year = p.years.find((y) => y.financialYear === financialYear);
  if (!year) {
    throw invalid(
      'financialYear',
      'pledged-year',
      `pledge ${p.id} has no ${financialYear} year (it covers ${p.years.map((y) => y.financialYear).join(', ')})`,
    );
  }
  const remaining = year.amount - year.received;
  if (amount > remaining) {
    throw conflict(`${pounds(amount)} is more than the ${pounds(remaining)} still due on this pledge for ${financialYear}`, {
      rule: 'no-over-receipt',
      remaining,
    });
  }
  return year;
}
