import data from './holidays-gb.json';

/**
 * Working days in England and Wales: not a Saturday or Sunday, and not a bank holiday there
 * (Christmas Day and Good Friday included, substitute days too). The dates are date-holidays'
 * own, computed for GB-ENG at build time (infra/holidays-gb.ts), so no calendar library ships
 * in a Lambda.
 */
const bankHolidays = new Set(data.dates);

const DAY = 86_400_000;
const toDate = (d: string) => new Date(`${d}T12:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function isWorkingDay(date: string): boolean {
  const d = toDate(date);
  const weekday = d.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const year = Number(date.slice(0, 4));
  if (year < data.from || year > data.to)
    throw new Error(`bank holidays are known for ${data.from}–${data.to}; regenerate holidays-gb.json to count working days in ${year}`);
  return !bankHolidays.has(date);
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
