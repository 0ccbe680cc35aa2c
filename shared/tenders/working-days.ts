import data from './holidays-uk.json';

/**
 * Working days as the Procurement Act 2023 defines them (s.123(1)): not a Saturday or a Sunday,
 * and not "a day which is a bank holiday in any part of the United Kingdom under the Banking and
 * Financial Dealings Act 1971". So the bank holidays of England and Wales, Scotland and Northern
 * Ireland all count, together (Christmas Day and Good Friday, which are bank holidays in
 * Scotland, and substitute days included). The dates are date-holidays' own, computed for
 * GB-ENG, GB-SCT and GB-NIR at build time (infra/holidays-uk.ts), so no calendar library ships
 * in a Lambda.
 */
// Built on first use, so a bundle that imports this module without counting working days (the
// tender domain reaches it through the standstill's length) leaves the 8 KB of dates out.
let bankHolidays: Set<string> | undefined;

const DAY = 86_400_000;
const toDate = (d: string) => new Date(`${d}T12:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Whether `date` (YYYY-MM-DD) is a bank holiday in any part of the UK. */
function isUkBankHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (year < data.from || year > data.to)
    throw new Error(`bank holidays are known for ${data.from}–${data.to}; regenerate holidays-uk.json to count working days in ${year}`);
  bankHolidays ??= new Set(data.dates);
  return bankHolidays.has(date);
}

export function isWorkingDay(date: string): boolean {
  const weekday = toDate(date).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !isUkBankHoliday(date);
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
