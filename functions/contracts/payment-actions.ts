import type { Caller } from '../../shared/consortia/caller';
import { invoiceReceived, paymentMade } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { DomainError } from '../../shared/platform/errors';
import type * as z from '../lib/zod';
import type { Outcome } from './contract-actions';
import { dateError, readDate } from './date-input';
import { invoiceBody, paidBody } from './schemas';

type Form = Record<string, string>;

/** Each date the payment forms ask for, by the API's field name: the page's field and its label. */
const labels: Record<string, string> = {
  receivedOn: 'Date the invoice was received',
  fallsDueOn: 'Date payment falls due under the invoice',
  paidOn: 'Date paid',
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Reads the day, month and year fields into the API's body and decodes it with the API's own
 * schema, then runs the API's use case; its refusals come back on the date field they concern.
 */
async function submit<S extends z.ZodMiniType>(
  form: Form,
  schema: S,
  dates: { field: string; optional?: boolean }[],
  run: (body: z.infer<S>) => Promise<unknown>,
  done: string,
): Promise<Outcome> {
  const payment = form.payment ?? '';
  const name = (field: string) => `${field}-${payment}`;
  const read = dates.map((d) => ({ ...d, ...readDate(form, name(d.field), labels[d.field] ?? d.field, d.optional) }));
  const errors = read.flatMap((d) => (d.error ? [d.error] : []));
  if (errors.length) return { errors };
  const parsed = schema.safeParse(Object.fromEntries(read.flatMap((d) => (d.value ? [[d.field, d.value]] : []))));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? dates[0]?.field)))];
    return { errors: fields.map((f) => dateError(name(f), `${labels[f] ?? f} must be a real date`)) };
  }
  try {
    await run(parsed.data);
    return { done };
  } catch (error) {
    if (!(error instanceof DomainError) || (error.kind !== 'validation' && error.kind !== 'conflict')) throw error;
    // A rule about the payment as a whole (paid twice, invoice first) is shown on the form's first date.
    const target = (f: string) => name(dates.some((d) => d.field === f) ? f : (dates[0]?.field ?? f));
    const issues = error.issues.length ? error.issues : [{ field: '', message: error.message }];
    return { errors: issues.map((i) => dateError(target(i.field), capital(i.message))) };
  }
}

/** The contract page's payment forms: an invoice received, a payment made. */
export const paymentActions: Record<string, (caller: Caller, contractId: string, form: Form) => Promise<Outcome>> = {
  invoice: (caller, id, form) =>
    submit(
      form,
      invoiceBody,
      [{ field: 'receivedOn' }, { field: 'fallsDueOn', optional: true }],
      (body) => invoiceReceived(contractsTable, caller, id, form.payment ?? '', body),
      'invoice',
    ),
  paid: (caller, id, form) =>
    submit(form, paidBody, [{ field: 'paidOn' }], (body) => paymentMade(contractsTable, caller, id, form.payment ?? '', body), 'paid'),
};

export const paymentDoneMessages: Record<string, string> = {
  invoice: 'The invoice is recorded, with the day it must be paid by.',
  paid: 'The payment is recorded.',
};
