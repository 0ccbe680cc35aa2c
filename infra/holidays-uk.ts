import { data } from 'date-holidays/data';
import HolidaysParser from 'date-holidays-parser';

/**
 * The Procurement Act 2023 counts "working days" UK-wide: s.123(1) excludes "a day which is a
 * bank holiday in any part of the United Kingdom under the Banking and Financial Dealings Act
 * 1971". So a working day must not be a bank holiday in England and Wales, in Scotland (2
 * January, the first Monday in August, St Andrew's Day…) or in Northern Ireland (17 March,
 * 12 July…). `date-holidays` (with its parser's astronomical calendars) weighs over a megabyte
 * in a Lambda bundle, so this prints the union of its three calendars, as the library computes
 * them, for shared/tenders/holidays-uk.json:
 *   npx tsx infra/holidays-uk.ts > shared/tenders/holidays-uk.json
 * A test fails if the file and the installed library disagree, so an upgrade cannot be missed.
 */
const HOLIDAY_YEARS = { from: 2020, to: 2060 };

/** date-holidays' codes for the three jurisdictions whose bank holidays the 1971 Act sets (Wales shares England's). */
const UK_PARTS = ['ENG', 'SCT', 'NIR'] as const;

export function ukHolidayData() {
  const all = data as { version: string };
  const dates = new Set<string>();
  for (const part of UK_PARTS) {
    const calendar = new HolidaysParser(data, 'GB', part);
    for (let year = HOLIDAY_YEARS.from; year <= HOLIDAY_YEARS.to; year++) {
      for (const h of calendar.getHolidays(year)) if (h.type === 'public' || h.type === 'bank') dates.add(h.date.slice(0, 10));
    }
  }
  return {
    source: `date-holidays ${all.version}, GB-${UK_PARTS.join(' + GB-')}: public and bank holidays in any part of the UK`,
    ...HOLIDAY_YEARS,
    dates: [...dates].sort(),
  };
}

if (process.argv[1]?.endsWith('holidays-uk.ts')) process.stdout.write(`${JSON.stringify(ukHolidayData(), null, 1)}\n`);
