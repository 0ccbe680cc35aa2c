import { describe, expect, it } from 'vitest';
import {
  clockInWords,
  count,
  dayInWords,
  humanise,
  listInWords,
  monthInWords,
  oneDecimal,
  percent,
  plural,
  pounds,
  shortMonth,
  timeInWords,
  wholeNumber,
  wholePounds,
} from '../../shared/platform/format';

// Every expected value here is typed by hand, not computed with the code under test.
describe('the one formatting module (pages and emails alike)', () => {
  it('writes money in pounds with thousands separators, exact to the penny', () => {
    expect(pounds(125_000)).toBe('£1,250.00');
    expect(pounds(0)).toBe('£0.00');
    expect(pounds(5)).toBe('£0.05');
    expect(pounds(15_000_017)).toBe('£150,000.17');
    expect(pounds(-1_250_000)).toBe('-£12,500.00');
    expect(pounds(123_456_789_012)).toBe('£1,234,567,890.12');
  });

  it('groups a whole number as en-GB does, without ICU', () => {
    expect(wholeNumber(0)).toBe('0');
    expect(wholeNumber(999)).toBe('999');
    expect(wholeNumber(2000)).toBe('2,000');
    expect(wholeNumber(1_234_567)).toBe('1,234,567');
    expect(wholeNumber(-10_000)).toBe('-10,000');
    // The same as ICU's en-GB grouping across lengths (ICU is the independent oracle here).
    for (let n = 1; n < 1e12; n = n * 7 + 3) expect(wholeNumber(n)).toBe(n.toLocaleString('en-GB'));
  });

  it('rounds to whole pounds for chart ticks', () => {
    expect(wholePounds(15_000_017)).toBe('£150,000');
    expect(wholePounds(7_500_050)).toBe('£75,001');
    expect(wholePounds(49)).toBe('£0');
    expect(wholePounds(-250)).toBe('-£3');
  });

  it('writes a date in words, never moved by a time zone', () => {
    expect(dayInWords('2026-12-11')).toBe('11 December 2026');
    expect(dayInWords('2027-01-01')).toBe('1 January 2027');
    expect(monthInWords('2026-04-30')).toBe('April 2026');
    expect(shortMonth('2026-09-01')).toBe('Sep 2026');
  });

  it('writes an instant as the London day it falls on (BST in summer, GMT in winter)', () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    expect(dayInWords('2026-06-30T23:30:00Z')).toBe('1 July 2026');
    // 23:30 UTC on 31 December is 23:30 GMT: still the 31st.
    expect(dayInWords('2026-12-31T23:30:00Z')).toBe('31 December 2026');
    expect(dayInWords(new Date('2026-10-31T23:59:00Z'))).toBe('31 October 2026');
  });

  it.each([
    ['2026-12-11T17:00:00Z', '5pm on 11 December 2026'],
    // 16:00 UTC in July is 5pm BST.
    ['2026-07-01T16:00:00Z', '5pm on 1 July 2026'],
    ['2026-01-05T09:05:00Z', '9:05am on 5 January 2026'],
    ['2026-12-11T12:00:00Z', 'midday on 11 December 2026'],
    // 23:00 UTC on 1 July is midnight BST, the first minute of 2 July.
    ['2026-07-01T23:00:00Z', 'midnight at the start of 2 July 2026'],
    // The clocks change: forward at 01:00 UTC on 29 March 2026, back at 01:00 UTC on 25 October 2026.
    ['2026-03-29T00:30:00Z', '12:30am on 29 March 2026'],
    ['2026-03-29T01:30:00Z', '2:30am on 29 March 2026'],
    ['2026-10-25T00:30:00Z', '1:30am on 25 October 2026'],
    ['2026-10-25T01:30:00Z', '1:30am on 25 October 2026'],
    ['2026-10-25T16:00:00Z', '4pm on 25 October 2026'],
  ])('writes the time %s as GOV.UK does, on the London clock: %s', (at, words) => expect(timeInWords(at)).toBe(words));

  it('writes the clock alone, am or pm', () => {
    expect(clockInWords('2026-12-11T00:30:00Z')).toBe('12:30am');
    expect(clockInWords('2026-12-11T12:45:00Z')).toBe('12:45pm');
  });

  it('counts with the right word: "1 proposal", "2 proposals"', () => {
    expect(plural(1, 'proposal')).toBe('1 proposal');
    expect(plural(2, 'proposal')).toBe('2 proposals');
    expect(plural(0, 'proposal')).toBe('0 proposals');
    expect(plural(1250, 'organisation')).toBe('1,250 organisations');
    expect(plural(1, 'person', 'people')).toBe('1 person');
    expect(plural(3, 'person', 'people')).toBe('3 people');
    expect(count(1234567)).toBe('1,234,567');
  });

  it('writes scores and shares to one decimal place', () => {
    expect(oneDecimal(7)).toBe('7.0');
    expect(oneDecimal(12.34)).toBe('12.3');
    expect(oneDecimal(1234.56)).toBe('1,234.6');
    expect(percent(45.26)).toBe('45.3%');
    expect(percent(100)).toBe('100.0%');
  });

  it('writes codes as words, with acronyms in capitals: "ICB", not "Icb"', () => {
    expect(humanise('icb')).toBe('ICB');
    expect(humanise('changes-requested')).toBe('Changes requested');
    expect(humanise('local-authority')).toBe('Local authority');
    expect(humanise('nhs-trust')).toBe('NHS trust');
    expect(humanise('notMet')).toBe('Not met');
    expect(humanise('lot:north')).toBe('Lot north');
    expect(listInWords(['Ann', 'Bea', 'Cal'])).toBe('Ann, Bea and Cal');
    expect(listInWords(['Ann'])).toBe('Ann');
    expect(listInWords([])).toBe('');
  });
});
