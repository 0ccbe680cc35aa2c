import { describe, expect, it } from 'vitest';
import { readDate } from '../../functions/contracts/date-input';

/** The GOV.UK date input's answer, read as the payment forms read it (the design system's messages). */
const read = (day: string, month: string, year: string, optional = false) =>
  readDate({ 'paidOn-P1-day': day, 'paidOn-P1-month': month, 'paidOn-P1-year': year }, 'paidOn-P1', 'Date paid', optional);

describe('the date input', () => {
  it('turns day, month and year into the YYYY-MM-DD the API takes', () => {
    expect(read('5', '12', '2026')).toEqual({ value: '2026-12-05' });
    expect(read(' 29 ', '02', '2028')).toEqual({ value: '2028-02-29' });
  });

  it('names what is missing or wrong, and which of the three fields to mark', () => {
    expect(read('', '', '').error).toEqual({ field: 'paidOn-P1-day', message: 'Enter the date paid', parts: ['day', 'month', 'year'] });
    expect(read('', '', '', true)).toEqual({});
    expect(read('5', '', '2026').error).toMatchObject({
      field: 'paidOn-P1-month',
      message: 'Date paid must include a month',
      parts: ['month'],
    });
    expect(read('', '12', '').error?.message).toBe('Date paid must include a day and year');
    expect(read('5', '12', '26').error).toMatchObject({ field: 'paidOn-P1-year', message: 'Year must include 4 numbers' });
    expect(read('29', '2', '2027').error).toMatchObject({ message: 'Date paid must be a real date', parts: ['day', 'month', 'year'] });
    expect(read('five', '12', '2026').error?.message).toBe('Date paid must be a real date');
  });
});
