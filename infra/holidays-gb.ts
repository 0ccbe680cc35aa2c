import { data } from 'date-holidays/data';

/**
 * `date-holidays` carries every country's rules (800 KB); the standstill needs Great Britain's.
 * This prints the library's own GB rules, unchanged, for shared/tenders/holidays-gb.json:
 *   npx tsx infra/holidays-gb.ts > shared/tenders/holidays-gb.json
 * A test fails if the file and the installed library disagree, so an upgrade cannot be missed.
 */
export function gbHolidayData() {
  const all = data as { version: string; license: string; holidays: Record<string, unknown>; names: Record<string, unknown> };
  return { version: all.version, license: all.license, holidays: { GB: all.holidays.GB }, names: all.names };
}

if (process.argv[1]?.endsWith('holidays-gb.ts')) process.stdout.write(`${JSON.stringify(gbHolidayData(), null, 1)}\n`);
