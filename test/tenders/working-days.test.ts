import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ukHolidayData } from '../../infra/holidays-uk';
import { contractDetailsDue, paymentDueBy, standstill } from '../../shared/tenders/statutory-periods';
import { isWorkingDay, nthWorkingDay } from '../../shared/tenders/working-days';

/**
 * Bank holidays in any part of the UK (s.123(1) of the Procurement Act 2023), typed in by hand
 * from the published lists for England and Wales, Scotland and Northern Ireland (gov.uk/bank-holidays
 * and the Scottish Government's), weekdays only: a Saturday or Sunday is not a working day anyway.
 */
const UK_BANK_HOLIDAYS = [
  // 2026
  '2026-01-01', // New Year's Day (UK)
  '2026-01-02', // 2 January (Scotland)
  '2026-03-17', // St Patrick's Day (Northern Ireland)
  '2026-04-03', // Good Friday (UK)
  '2026-04-06', // Easter Monday (England and Wales, Northern Ireland)
  '2026-05-04', // Early May bank holiday (UK)
  '2026-05-25', // Spring bank holiday (UK)
  '2026-07-13', // Battle of the Boyne, substitute for Sunday 12 July (Northern Ireland)
  '2026-08-03', // Summer bank holiday (Scotland)
  '2026-08-31', // Summer bank holiday (England and Wales, Northern Ireland)
  '2026-11-30', // St Andrew's Day (Scotland)
  '2026-12-25', // Christmas Day (UK)
  '2026-12-28', // Boxing Day, substitute for Saturday 26 December (UK)
  // 2027
  '2027-01-01', // New Year's Day (UK)
  '2027-01-04', // 2 January, substitute for Saturday 2 January (Scotland)
  '2027-03-17', // St Patrick's Day (Northern Ireland)
  '2027-03-26', // Good Friday (UK)
  '2027-03-29', // Easter Monday (England and Wales, Northern Ireland)
  '2027-05-03', // Early May bank holiday (UK)
  '2027-05-31', // Spring bank holiday (UK)
  '2027-07-12', // Battle of the Boyne (Northern Ireland)
  '2027-08-02', // Summer bank holiday (Scotland)
  '2027-08-30', // Summer bank holiday (England and Wales, Northern Ireland)
  '2027-11-30', // St Andrew's Day (Scotland)
  '2027-12-27', // Christmas Day, substitute for Saturday 25 December (UK)
  '2027-12-28', // Boxing Day, substitute for Sunday 26 December (UK)
];

const DAY = 86_400_000;
const next = (d: string) => new Date(Date.parse(`${d}T12:00:00Z`) + DAY).toISOString().slice(0, 10);
const weekday = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay();

/** An independent count over the hand-typed list: the eighth weekday that is not on it, counting the first day. */
function byHand(start: string, n = 8): string {
  let day = start;
  let counted = 0;
  for (;;) {
    if (weekday(day) !== 0 && weekday(day) !== 6 && !UK_BANK_HOLIDAYS.includes(day)) counted++;
    if (counted === n) return day;
    day = next(day);
  }
}

describe('working days as the Procurement Act counts them: no bank holiday in any part of the UK (s.123(1))', () => {
  it('knows exactly the hand-typed weekday bank holidays of 2026 and 2027, and no others', () => {
    const found: string[] = [];
    for (let day = '2026-01-01'; day <= '2027-12-31'; day = next(day))
      if (weekday(day) !== 0 && weekday(day) !== 6 && !isWorkingDay(day)) found.push(day);
    expect(found).toEqual(UK_BANK_HOLIDAYS);
  });

  it('counts Scotland’s and Northern Ireland’s bank holidays too, not only England and Wales’s', () => {
    for (const day of ['2026-11-30', '2027-01-04', '2027-03-17', '2027-07-12', '2027-08-02']) expect(isWorkingDay(day), day).toBe(false);
    expect(isWorkingDay('2026-11-23')).toBe(true); // an ordinary Monday
    expect(isWorkingDay('2026-11-21')).toBe(false); // a Saturday
  });

  // [published, the first working day counted, the last, the day it has ended by]
  it.each([
    // Wed 23, Thu 24 (1, 2); Fri 25 Christmas; weekend; Mon 28 Boxing Day substitute; Tue 29, Wed 30, Thu 31 (3–5);
    // Fri 1 Jan New Year; weekend; Mon 4 Jan Scotland's 2 January substitute; Tue 5, Wed 6, Thu 7 (6–8).
    ['2026-12-23', '2026-12-23', '2027-01-07', '2027-01-08'],
    // Tue 29, Wed 30, Thu 31 (1–3); Fri 1 and Mon 4 January are bank holidays; Tue 5 – Fri 8 (4–7); Mon 11 (8).
    ['2026-12-29', '2026-12-29', '2027-01-11', '2027-01-12'],
    // Around Easter 2027: Wed 24, Thu 25 March (1, 2); Good Friday 26; weekend; Easter Monday 29; Tue 30 – Fri 2 April (3–6); Mon 5, Tue 6 (7, 8).
    ['2027-03-24', '2027-03-24', '2027-04-06', '2027-04-07'],
    // Tue 16 March (1); Wed 17 St Patrick's Day; Thu 18, Fri 19 (2, 3); Mon 22 – Thu 25 (4–7); Good Friday; weekend; Easter Monday; Tue 30 (8).
    ['2027-03-16', '2027-03-16', '2027-03-30', '2027-03-31'],
    // 30 November 2027, St Andrew's Day, a bank holiday in Scotland: the day itself is no working day, so the count
    // starts on Wed 1 December: 1, 2, 3, 6, 7, 8, 9, 10.
    ['2027-11-30', '2027-12-01', '2027-12-10', '2027-12-11'],
    // Fri 9 July (1); weekend; Mon 12 July a bank holiday in Northern Ireland (the Battle of the Boyne); Tue 13 – Fri 16 (2–5); Mon 19 – Wed 21 (6–8).
    ['2027-07-09', '2027-07-09', '2027-07-21', '2027-07-22'],
    // Mon 2 August 2027 is Scotland's summer bank holiday: Thu 29 July (1), Fri 30 (2), Tue 3 – Fri 6 (3–6), Mon 9, Tue 10 (7, 8).
    ['2027-07-29', '2027-07-29', '2027-08-10', '2027-08-11'],
  ])(
    'a standstill (eight working days beginning with the UK6 day, s.51(2)) published on %s: counted from %s to %s',
    (firstDay, firstWorkingDay, lastDay, endsAfter) => {
      expect(standstill(firstDay)).toEqual({ firstDay, firstWorkingDay, lastDay, endsAfter });
    },
  );

  it('agrees with a count by hand over the typed list for every day of 2026 and 2027', () => {
    for (let day = '2026-01-01'; day <= '2027-12-15'; day = next(day)) expect(standstill(day).lastDay, day).toBe(byHand(day));
    for (let day = '2026-01-01'; day <= '2027-11-30'; day = next(day)) expect(nthWorkingDay(day, 12), day).toBe(byHand(day, 12));
  });

  it('refuses a voluntary standstill shorter than eight working days (s.51(5)), and counts a longer one', () => {
    expect(() => standstill('2027-03-24', 7)).toThrow(/at least 8 working days/);
    // Ten working days from Wed 24 March 2027: … Tue 6 April (8), Wed 7 (9), Thu 8 (10).
    expect(standstill('2027-03-24', 10).lastDay).toBe('2027-04-08');
  });

  it('the contract details notice: 30 days beginning with the day the contract is entered into, 120 for light touch (s.53), as soon as practicable below threshold (s.87)', () => {
    // Entered into on 23 December 2026: day 1 is 23 December, day 30 is 21 January 2027; day 120 is 21 April 2027.
    expect(contractDetailsDue('2026-12-23', { regime: 'above-threshold', notifiable: true })).toMatchObject({ by: '2027-01-21' });
    expect(contractDetailsDue('2026-12-23', { regime: 'light-touch', notifiable: true })).toMatchObject({ by: '2027-04-21' });
    expect(contractDetailsDue('2026-12-23', { regime: 'below-threshold', notifiable: true })).toEqual({ asap: true, section: 's.87' });
    expect(contractDetailsDue('2026-12-23', { regime: 'below-threshold', notifiable: false })).toBeUndefined();
  });

  it('payment within 30 days beginning with the day the invoice is received (s.68(2), s.88)', () => {
    // Received on 5 December 2026: day 1 is 5 December, day 30 is 3 January 2027 (calendar days, not working days).
    expect(paymentDueBy('2026-12-05')).toBe('2027-01-03');
    expect(paymentDueBy('2027-02-01')).toBe('2027-03-02');
  });

  it('uses date-holidays’ own rules for England and Wales, Scotland and Northern Ireland, as installed (regenerate holidays-uk.json after an upgrade)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../shared/tenders/holidays-uk.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(ukHolidayData())));
  });
});
