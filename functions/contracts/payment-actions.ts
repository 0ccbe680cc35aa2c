import { invoiceReceived, paymentMade } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { type FormFields, type PostedForm, submitForm } from '../lib/web/form';
import type { Action } from './page-types';
import { paymentPath } from './paths';
import { invoiceBody, paidBody } from './schemas';
import { recordOf } from './which-record';

/** The invoice form of payment `p`: GOV.UK date inputs, named and labelled as the page shows them (payment-section.tsx). */
export const invoiceFields = (p: string) =>
  ({
    receivedOn: {
      label: 'Date the invoice was received',
      name: `receivedOn-${p}`,
      as: 'date',
      missing: 'Enter the date the invoice was received',
    },
    fallsDueOn: { label: 'Date payment falls due under the invoice', name: `fallsDueOn-${p}`, as: 'date', optional: true },
  }) satisfies FormFields;

/** The form recording that payment `p` was made. */
export const paidFields = (p: string) =>
  ({ paidOn: { label: 'Date paid', name: `paidOn-${p}`, as: 'date', missing: 'Enter the date paid' } }) satisfies FormFields;

const paymentOf = (form: PostedForm) => recordOf(form, 'payment', 'Payment', paymentPath.shape.paymentId);

/**
 * The contract page's payment forms, an invoice received and a payment made, decoded into the
 * API's own bodies; a rule about the payment as a whole (paid twice, invoice first) is shown
 * against its form (`invoice-P1`, `paid-P1`).
 */
export const paymentActions: Record<string, Action> = {
  invoice: async (caller, contractId, form) => {
    const p = paymentOf(form);
    if (p.errors) return p;
    const action = { schema: invoiceBody, fields: invoiceFields(p.id), formId: `invoice-${p.id}` };
    const done = await submitForm(form, action, (input) => invoiceReceived(contractsTable, caller, contractId, p.id, input));
    return done.errors ? { errors: done.errors } : { done: 'invoice' };
  },
  paid: async (caller, contractId, form) => {
    const p = paymentOf(form);
    if (p.errors) return p;
    const action = { schema: paidBody, fields: paidFields(p.id), formId: `paid-${p.id}` };
    const done = await submitForm(form, action, (input) => paymentMade(contractsTable, caller, contractId, p.id, input));
    return done.errors ? { errors: done.errors } : { done: 'paid' };
  },
};

export const paymentDoneMessages: Record<string, string> = {
  invoice: 'The invoice is recorded, with the day it must be paid by.',
  paid: 'The payment is recorded.',
};
