import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gbHolidayData } from '../../infra/holidays-gb';
import { isWorkingDay, nthWorkingDay, standstill } from '../../shared/tenders/working-days';

describe('working days in England and Wales (for the standstill)', () => {
  it('skips weekends and every bank holiday, substitute days included', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true); // a Monday
    expect(isWorkingDay('2026-11-21')).toBe(false); // Saturday
    for (const holiday of [
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
    ]) {
      expect(isWorkingDay(holiday), holiday).toBe(false);
    }
    // Scotland's 2 January and St Andrew's Day, and Northern Ireland's St Patrick's Day, are working days here.
    for (const day of ['2026-11-30', '2027-01-04', '2027-03-17']) expect(isWorkingDay(day), day).toBe(true);
  });

  it('counts the standstill as eight working days beginning with the day the UK6 notice is published', () => {
    // Published on a Monday: that Monday is day 1; the eighth is the next Wednesday.
    expect(standstill('2026-11-23')).toEqual({ firstDay: '2026-11-23', lastDay: '2026-12-02', endsAfter: '2026-12-03' });
    // Published on a Saturday: the count begins on Monday.
    expect(standstill('2026-11-21').lastDay).toBe('2026-12-02');
  });

  it('runs across the Easter bank holiday weekend and across Christmas and New Year', () => {
    // Wed 24 Mar 2027: 24, 25, (Good Friday, weekend, Easter Monday), 30, 31, 1, 2, 5, 6 April.
    expect(standstill('2027-03-24').lastDay).toBe('2027-04-06');
    // Wed 23 Dec 2026: 23, 24, (25, weekend, 28 substitute Boxing Day), 29, 30, 31, (1 Jan, weekend), 4, 5, 6.
    expect(standstill('2026-12-23').lastDay).toBe('2027-01-06');
    expect(nthWorkingDay('2026-12-24', 2)).toBe('2026-12-29');
  });

  it('uses date-holidays’ own rules for Great Britain, as installed (regenerate holidays-gb.json after an upgrade)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../shared/tenders/holidays-gb.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(gbHolidayData())));
  });
});
