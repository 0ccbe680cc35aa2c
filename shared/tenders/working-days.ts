import HolidaysParser from 'date-holidays-parser';
import data from './holidays-gb.json';

/**
 * Working days in England and Wales: not a Saturday or Sunday, and not a bank holiday there
 * (Christmas Day and Good Friday included, substitute days too). The rules are date-holidays'
 * own, picked for Great Britain (holidays-gb.json) to keep the Lambda bundles small.
 */
const calendar = new HolidaysParser(data, 'GB', 'ENG');

const DAY = 86_400_000;
const toDate = (d: string) => new Date(`${d}T12:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function isWorkingDay(date: string): boolean {
  const d = toDate(date);
  const weekday = d.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const found = calendar.isHoliday(new Date(`${date}T12:00:00`));
  return !(Array.isArray(found) && found.some((h) => h.type === 'public' || h.type === 'bank'));
}

/** The `n`th working day of a period beginning with `start` (which counts if it is a working day itself). */
export function nthWorkingDay(start: string, n: number): string {
  let day = toDate(start);
  let counted = 0;
  for (;;) {
    if (isWorkingDay(iso(day))) counted++;
    if (counted === n) return iso(day);
    day = new Date(day.getTime() + DAY);
  }
}

/**
 * The Procurement Act 2023's mandatory standstill (s.51): eight working days beginning with the
 * day the contract award notice (UK6) is published. The contract may be entered into from the
 * day after `lastDay`.
 */
export function standstill(publishedOn: string, workingDays = 8): { firstDay: string; lastDay: string; endsAfter: string } {
  const lastDay = nthWorkingDay(publishedOn, workingDays);
  return { firstDay: publishedOn, lastDay, endsAfter: iso(new Date(toDate(lastDay).getTime() + DAY)) };
}
