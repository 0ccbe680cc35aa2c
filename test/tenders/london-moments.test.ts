import { describe, expect, it } from 'vitest';
import { decodeForm, type FormFields } from '../../functions/lib/web/form';
import * as z from '../../functions/lib/zod';
import { typedMoment } from '../../functions/tenders/draft-parts';

/**
 * A tender's key dates are typed as a day and a time on the London clock and stored as the
 * instant they are. The instants here are worked out by hand: BST (UTC+1) runs from 1am GMT on
 * the last Sunday of March (29 March 2026, 28 March 2027) to 1am GMT on the last Sunday of
 * October (25 October 2026); GMT (UTC+0) otherwise.
 */
const fields: FormFields = { at: { label: 'Submission deadline', as: 'datetime' } };
const schema = z.strictObject({ at: z.iso.datetime({ offset: true }) });
const typed = (day: string, month: string, year: string, hour: string, minute: string) => ({
  'at-day': day,
  'at-month': month,
  'at-year': year,
  'at-hour': hour,
  'at-minute': minute,
});
const decode = (...parts: [string, string, string, string, string]) => decodeForm(schema, fields, typed(...parts));

describe('a moment on the London clock, as the instant it is', () => {
  it.each([
    // Summer: BST, an hour ahead of UTC.
    [['1', '7', '2026', '12', '00'], '2026-07-01T11:00:00Z'],
    [['1', '7', '2026', '0', '0'], '2026-06-30T23:00:00Z'],
    [['15', '7', '2026', '17', '30'], '2026-07-15T16:30:00Z'],
    // Winter: GMT, UTC itself.
    [['1', '12', '2026', '12', '00'], '2026-12-01T12:00:00Z'],
    [['31', '12', '2026', '23', '59'], '2026-12-31T23:59:00Z'],
    // The night the clocks go forward (29 March 2026): GMT until 1am, BST from 2am.
    [['29', '3', '2026', '0', '30'], '2026-03-29T00:30:00Z'],
    [['29', '3', '2026', '2', '00'], '2026-03-29T01:00:00Z'],
    [['29', '3', '2026', '12', '00'], '2026-03-29T11:00:00Z'],
    // The night they go back (25 October 2026): 1:30am happens twice (00:30 and 01:30 UTC); the second (GMT) is taken.
    [['25', '10', '2026', '0', '59'], '2026-10-24T23:59:00Z'],
    [['25', '10', '2026', '1', '30'], '2026-10-25T01:30:00Z'],
    [['25', '10', '2026', '2', '30'], '2026-10-25T02:30:00Z'],
  ] as [[string, string, string, string, string], string][])('%j → %s', (parts, instant) => {
    expect(decode(...parts)).toEqual({ value: { at: instant } });
  });

  it('refuses a time the clocks skip, a time that is no time, and a missing box, naming the field', () => {
    expect(decode('29', '3', '2026', '1', '30').errors).toEqual([
      {
        field: 'at-hour',
        message: 'Submission deadline is a time that does not exist in London: the clocks go forward an hour that night',
        parts: ['hour'],
      },
    ]);
    expect(decode('1', '7', '2026', '24', '00').errors).toEqual([
      { field: 'at-hour', message: 'Submission deadline must be a real time, from 0:00 to 23:59 on the 24-hour clock', parts: ['hour'] },
    ]);
    expect(decode('1', '7', '2026', '12', '60').errors?.[0]?.field).toBe('at-minute');
    expect(decode('1', '7', '2026', '', '').errors).toEqual([
      { field: 'at-hour', message: 'Submission deadline must include an hour and minute', parts: ['hour', 'minute'] },
    ]);
    expect(decode('31', '6', '2026', '12', '00').errors).toEqual([{ field: 'at-day', message: 'Submission deadline must be a real date' }]);
    expect(decodeForm(schema, fields, {}).errors).toEqual([{ field: 'at-day', message: 'Enter submission deadline' }]);
  });

  it('says a typed moment in words on the London clock, as the check page does', () => {
    expect(typedMoment(typed('1', '7', '2026', '12', '00'), 'at')).toBe('midday on 1 July 2026');
    expect(typedMoment(typed('1', '12', '2026', '17', '00'), 'at')).toBe('5pm on 1 December 2026');
    expect(typedMoment(typed('29', '3', '2026', '1', '30'), 'at')).toBe('29/3/2026 1:30');
  });
});
