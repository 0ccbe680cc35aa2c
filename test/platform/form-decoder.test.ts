import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { date, pence, text } from '../../functions/lib/schemas';
import { decodeForm, type FormFields, refusal } from '../../functions/lib/web/form';
import * as z from '../../functions/lib/zod';
import { DomainError } from '../../shared/platform/errors';

/** A use case's input as an API route would parse it. */
const schema = z.strictObject({
  title: text(1, 500),
  amount: pence,
  receivedOn: date,
  note: z.optional(text(1, 5000)),
  kind: z.enum(['core', 'restricted']),
  lots: z.array(z.string()).check(z.minLength(1)),
  years: z.array(z.strictObject({ financialYear: z.string(), amount: pence })),
  grantId: z.string(),
});
const fields: FormFields = {
  title: { label: 'Title' },
  amount: { label: 'Amount', as: 'pounds' },
  receivedOn: { label: 'Date received', as: 'date' },
  note: { label: 'Note', optional: true },
  kind: { label: 'Kind of money', as: 'choice' },
  lots: { label: 'Lots', as: 'checkboxes' },
  'years.0.financialYear': { label: 'First year' },
  'years.0.amount': { label: 'First year’s amount', as: 'pounds' },
};
const good = {
  title: '  Core support  ',
  amount: '£1,250.50',
  'receivedOn-day': '5',
  'receivedOn-month': '12',
  'receivedOn-year': '2026',
  kind: 'core',
  lots: ['north', 'south'],
  'years.0.financialYear': '2026-27',
  'years.0.amount': '100',
};
const decode = (form: Record<string, string | string[]>) => decodeForm(schema, fields, form, { grantId: 'G1' });
const messages = (form: Record<string, string | string[]>) => decode(form).errors ?? [];

describe('the form decoder', () => {
  it('turns a form into the schema’s input: pounds to pence, the date input to a date, checkboxes to an array, nested fields', () => {
    expect(decode(good).value).toEqual({
      title: 'Core support',
      amount: 125_050,
      receivedOn: '2026-12-05',
      kind: 'core',
      lots: ['north', 'south'],
      years: [{ financialYear: '2026-27', amount: 10_000 }],
      grantId: 'G1',
    });
    expect(decode({ ...good, note: ' ok ' }).value?.note).toBe('ok');
  });

  it('names every field as the page labels it, in plain English, all at once', () => {
    expect(messages({})).toEqual([
      { field: 'title', message: 'Enter title' },
      { field: 'amount', message: 'Enter amount' },
      { field: 'receivedOn-day', message: 'Enter date received' },
      { field: 'kind', message: 'Select kind of money' },
      { field: 'lots', message: 'Select lots' },
      { field: 'years.0.amount', message: 'Enter first year’s amount' },
    ]);
  });

  it('refuses impossible dates, and dates missing a part', () => {
    for (const [d, m] of [
      ['31', '2'],
      ['31', '4'],
      ['29', '2'],
      ['0', '1'],
      ['1', '13'],
    ] as const)
      expect(messages({ ...good, 'receivedOn-day': d, 'receivedOn-month': m, 'receivedOn-year': '2027' }), `${d}/${m}`).toEqual([
        { field: 'receivedOn-day', message: 'Date received must be a real date' },
      ]);
    expect(messages({ ...good, 'receivedOn-day': '29', 'receivedOn-month': '2', 'receivedOn-year': '2028' })).toEqual([]);
    expect(messages({ ...good, 'receivedOn-month': '' })).toEqual([
      { field: 'receivedOn-day', message: 'Date received must include a month' },
    ]);
    expect(messages({ ...good, 'receivedOn-year': '26' })).toEqual([{ field: 'receivedOn-day', message: 'Year must include 4 numbers' }]);
  });

  it('reads amounts in pounds exactly, refusing more than two decimals, negatives, words and zero', () => {
    const amount = (a: string) => decode({ ...good, amount: a });
    expect(amount('1250').value?.amount).toBe(125_000);
    expect(amount('0.07').value?.amount).toBe(7);
    expect(amount('12,345,678.9').value?.amount).toBe(1_234_567_890);
    expect(amount('1.005').errors).toEqual([
      { field: 'amount', message: 'Amount must be in pounds and pence, with no more than 2 decimal places' },
    ]);
    expect(amount('-5').errors).toEqual([{ field: 'amount', message: 'Amount must be £0.00 or more' }]);
    expect(amount('ten').errors).toEqual([{ field: 'amount', message: 'Amount must be an amount in pounds, like 1250 or 1,250.50' }]);
    expect(amount('0').errors).toEqual([{ field: 'amount', message: 'Amount must be more than £0.00' }]);
  });

  it('states the limit of a free-text field when it is passed', () => {
    expect(messages({ ...good, title: 'x'.repeat(500) })).toEqual([]);
    expect(messages({ ...good, title: 'x'.repeat(501) })).toEqual([{ field: 'title', message: 'Title must be 500 characters or fewer' }]);
    expect(messages({ ...good, note: 'x'.repeat(5001) })).toEqual([{ field: 'note', message: 'Note must be 5,000 characters or fewer' }]);
  });

  it('any pounds-and-pence amount typed with separators reads back to the pence it names (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), (p) => {
        const typed = `£${(p / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;
        expect(decode({ ...good, amount: typed }).value?.amount).toBe(p);
      }),
    );
  });

  it('shows a refusal the same way everywhere: a field’s against the field, a conflict against the form', () => {
    const invalid = new DomainError('validation', 'amount: too much', [
      { field: 'amount', rule: 'x', message: 'amount: more than the pool holds' },
    ]);
    expect(refusal(invalid, fields, 'pledge-form')).toEqual([{ field: 'amount', message: 'Amount: more than the pool holds' }]);
    const conflict = new DomainError('conflict', 'the round is closed; voting needs it to be open');
    expect(refusal(conflict, fields, 'vote-form')).toEqual([
      { field: 'vote-form', message: 'The round is closed; voting needs it to be open' },
    ]);
    expect(() => refusal(new Error('boom'), fields, 'f')).toThrow('boom');
  });
});
