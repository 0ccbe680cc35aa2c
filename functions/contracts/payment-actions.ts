import { invoiceReceived, paymentMade } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import type { FormFields } from '../lib/web/form';
import { recordForm, type Which } from '../lib/web/form-actions';
import type { Action } from './page-types';
import { paymentPath } from './paths';
import { invoiceBody, paidBody } from './schemas';

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

const payment: Which = { name: 'payment', label: 'Payment', schema: paymentPath.shape.paymentId };

/**
 * The contract page's payment forms, an invoice received and a payment made, decoded into the
 * API's own bodies; a rule about the payment as a whole (paid twice, invoice first) is shown
 * against its form (`invoice-P1`, `paid-P1`).
 */
export const paymentActions: Record<string, Action> = {
  invoice: recordForm(
    payment,
    (p) => ({ schema: invoiceBody, fields: invoiceFields(p), formId: `invoice-${p}` }),
    (caller, contractId, p, input) => invoiceReceived(contractsTable, caller, contractId, p, input),
    () => 'invoice',
  ),
  paid: recordForm(
    payment,
    (p) => ({ schema: paidBody, fields: paidFields(p), formId: `paid-${p}` }),
    (caller, contractId, p, input) => paymentMade(contractsTable, caller, contractId, p, input),
    () => 'paid',
  ),
};

export const paymentDoneMessages: Record<string, string> = {
  invoice: 'The invoice is recorded, with the day it must be paid by.',
  paid: 'The payment is recorded.',
};
