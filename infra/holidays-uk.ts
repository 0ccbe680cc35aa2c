import { data } from 'date-holidays/data';
import HolidaysParser from 'date-holidays-parser';

/**
 * `date-holidays` (with its parser's astronomical calendars) weighs over a megabyte in a Lambda
 * bundle; the standstill needs only England and Wales's bank holidays. This prints them, as the
 * library computes them, for shared/tenders/holidays-gb.json:
 *   npx tsx infra/holidays-gb.ts > shared/tenders/holidays-gb.json
 * A test fails if the file and the installed library disagree, so an upgrade cannot be missed.
 */
export const HOLIDAY_YEARS = { from: 2020, to: 2060 };

export function gbHolidayData() {
  const all = data as { version: string };
  const calendar = new HolidaysParser(data, 'GB', 'ENG');
  const dates: string[] = [];
  for (let year = HOLIDAY_YEARS.from; year <= HOLIDAY_YEARS.to; year++) {
    for (const h of calendar.getHolidays(year)) if (h.type === 'public' || h.type === 'bank') dates.push(h.date.slice(0, 10));
  }
  return { source: `date-holidays ${all.version}, GB-ENG, public and bank holidays`, ...HOLIDAY_YEARS, dates: [...new Set(dates)].sort() };
}

if (process.argv[1]?.endsWith('holidays-gb.ts')) process.stdout.write(`${JSON.stringify(gbHolidayData(), null, 1)}\n`);
