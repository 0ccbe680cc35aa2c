import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { date, pence, text } from '../../functions/lib/schemas';
import { chosenForm, decodeForm, type FormFields, lengthHint, refusal, submitForm } from '../../functions/lib/web/form';
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
      ['five', '12'],
    ] as const)
      expect(messages({ ...good, 'receivedOn-day': d, 'receivedOn-month': m, 'receivedOn-year': '2027' }), `${d}/${m}`).toEqual([
        { field: 'receivedOn-day', message: 'Date received must be a real date' },
      ]);
    expect(messages({ ...good, 'receivedOn-day': '29', 'receivedOn-month': '2', 'receivedOn-year': '2028' })).toEqual([]);
    // Only the boxes that are wrong are marked, and the summary links to the first of them.
    expect(messages({ ...good, 'receivedOn-month': '' })).toEqual([
      { field: 'receivedOn-month', message: 'Date received must include a month', parts: ['month'] },
    ]);
    expect(messages({ ...good, 'receivedOn-day': '', 'receivedOn-year': ' ' })).toEqual([
      { field: 'receivedOn-day', message: 'Date received must include a day and year', parts: ['day', 'year'] },
    ]);
    expect(messages({ ...good, 'receivedOn-year': '26' })).toEqual([
      { field: 'receivedOn-year', message: 'Year must include 4 numbers', parts: ['year'] },
    ]);
    // Two dates of one period, neither a date: each is named, and the period they were not put in is not a third mistake.
    const period = z.strictObject({ period: z.strictObject({ startDate: date, endDate: date }) });
    const periodFields: FormFields = {
      'period.startDate': { label: 'Start', name: 'start', as: 'date' },
      'period.endDate': { label: 'End', name: 'end', as: 'date' },
    };
    const days = (s: string[], e: string[]) =>
      ({ 'start-day': s[0], 'start-month': s[1], 'start-year': s[2], 'end-day': e[0], 'end-month': e[1], 'end-year': e[2] }) as Record<
        string,
        string
      >;
    expect(decodeForm(period, periodFields, days(['31', '2', '2026'], ['31', '4', '2026'])).errors).toEqual([
      { field: 'start-day', message: 'Start must be a real date' },
      { field: 'end-day', message: 'End must be a real date' },
    ]);
    expect(decodeForm(period, periodFields, days(['1', '4', '2026'], ['30', '4', '2026'])).value).toEqual({
      period: { startDate: '2026-04-01', endDate: '2026-04-30' },
    });
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
    // A rule whose message already names the field by its label is not prefixed with it again.
    const future = new DomainError('validation', 'receivedOn: the date received must be today or in the past', [
      { field: 'receivedOn', rule: 'not-future', message: 'the date received must be today or in the past' },
    ]);
    expect(refusal(future, fields, 'f')).toEqual([{ field: 'receivedOn-day', message: 'The date received must be today or in the past' }]);
  });

  it('runs a form to its use case: the answer, the decoder’s errors without running it, or the refusal', async () => {
    const action = { schema, fields, formId: 'pledge-form', fixed: { grantId: 'G1' } };
    const ran: unknown[] = [];
    const useCase = async (input: z.infer<typeof schema>) => {
      ran.push(input);
      if (input.amount > 1_000_000) throw new DomainError('conflict', 'the pool is closed');
      return input.amount;
    };
    await expect(submitForm(good, action, useCase)).resolves.toEqual({ value: 125_050 });
    await expect(submitForm({ ...good, amount: '-1' }, action, useCase)).resolves.toEqual({
      errors: [{ field: 'amount', message: 'Amount must be £0.00 or more' }],
    });
    expect(ran).toHaveLength(1);
    await expect(submitForm({ ...good, amount: '20,000' }, action, useCase)).resolves.toEqual({
      errors: [{ field: 'pledge-form', message: 'The pool is closed' }],
    });
  });

  it('states a free-text field’s limit from the schema that enforces it', () => {
    expect(lengthHint(schema.shape.title)).toBe('At most 500 characters.');
    expect(lengthHint(schema.shape.note)).toBe('At most 5,000 characters.');
    expect(lengthHint(z._default(z.string().check(z.maxLength(2000)), ''))).toBe('At most 2,000 characters.');
    expect(() => lengthHint(schema.shape.grantId)).toThrow('needs a maximum length');
  });
});

describe('lists typed in one box, and which form was posted', () => {
  // As the reporting policy asks for its reminders: days from the due date, in one box.
  const policy = z.strictObject({ reminders: z.array(z.int().check(z.gte(-60), z.lte(60))).check(z.maxLength(3)) });
  const reminderFields: FormFields = { reminders: { label: 'Reminder days', as: 'wholes' } };
  const reminders = (typed: string) => decodeForm(policy, reminderFields, { reminders: typed });

  it('reads whole numbers separated by commas into an array; blank is none', () => {
    expect(reminders('-14, -3,0 ,7').errors).toEqual([{ field: 'reminders', message: 'Enter no more than 3 reminder days' }]);
    expect(reminders(' -14, -3,0 ').value).toEqual({ reminders: [-14, -3, 0] });
    expect(reminders('  ').value).toEqual({ reminders: [] });
  });

  it('names the box, not the element, when one number breaks a rule or is not a number', () => {
    expect(reminders('-3, 61, 99').errors).toEqual([{ field: 'reminders', message: 'Reminder days must be 60 or less' }]);
    expect(reminders('-61').errors).toEqual([{ field: 'reminders', message: 'Reminder days must be -60 or more' }]);
    for (const bad of ['1.5', 'a week', '3,,4', '1 2'])
      expect(reminders(bad).errors, bad).toEqual([
        { field: 'reminders', message: 'Reminder days must be whole numbers separated by commas, like -3, 0, 7' },
      ]);
  });

  it('picks the posted form by its action; a form the page does not have is refused whole', () => {
    const forms = { vote: 'the vote', 'lead-decision': 'the decision' };
    expect(chosenForm({ action: 'vote' }, forms)).toBe('the vote');
    expect(chosenForm({ action: ['lead-decision', 'vote'] }, forms)).toBe('the decision');
    for (const action of ['', 'no-such-form', '__proto__', 'toString', 'constructor'])
      expect(() => chosenForm({ action }, forms), action).toThrow('this page has no such form');
    expect(() => chosenForm({}, forms)).toThrow(DomainError);
  });
});
