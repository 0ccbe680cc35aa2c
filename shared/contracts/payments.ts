import { conflict, invalid, notFound } from '../platform/errors';
import { dayInWords } from '../platform/format';
import { londonDate } from '../platform/london-time';
import { daysAfter, paymentDueByInvoice } from '../tenders/statutory-periods';
import type { Contract, Payment } from './contract';

/**
 * What happens to each scheduled payment: the supplier's invoice arrives, which starts the
 * 30-day term (s.68(2) for a public contract, implied below threshold by s.88), and the council
 * pays. Pure functions returning the changed contract, saved with its event like every change.
 */

export interface InvoiceInput {
  receivedOn: string;
  /** The day payment falls due under the invoice, if the invoice gave one: it counts only if later (s.68(2)). */
  fallsDueOn?: string | undefined;
}

function paymentOf(c: Contract, paymentId: string): Payment {
  const p = c.payments.find((x) => x.id === paymentId);
  if (!p) throw notFound('payment', `${c.id}/${paymentId}`);
  return p;
}

/**
 * A cancelled contract was never entered into, so nothing is owed under it; a terminated one
 * may still owe for work done before it ended, so its invoices and payments are recorded.
 */
function requireNotCancelled(c: Contract, doing: string): void {
  if (c.status === 'cancelled')
    throw conflict(`contract "${c.title}" was cancelled, so nothing is paid under it; ${doing} is not possible`, {
      rule: 'contract-not-cancelled',
    });
}

const withPayment = (c: Contract, p: Payment): Contract => ({ ...c, payments: c.payments.map((x) => (x.id === p.id ? p : x)) });

/** The day the supplier's invoice for a payment arrived; once per payment. */
export function recordInvoice(c: Contract, paymentId: string, input: InvoiceInput, by: string, now: Date): Contract {
  requireNotCancelled(c, 'recording an invoice');
  const p = paymentOf(c, paymentId);
  if (p.invoice)
    throw conflict(`the invoice for payment ${p.id} was already recorded as received on ${dayInWords(p.invoice.receivedOn)}`, {
      rule: 'one-invoice',
    });
  if (input.receivedOn > londonDate(now))
    throw invalid('receivedOn', 'not-future', 'the date the invoice was received must be today or in the past');
  const invoice = {
    receivedOn: input.receivedOn,
    ...(input.fallsDueOn ? { fallsDueOn: input.fallsDueOn } : {}),
    payBy: paymentDueByInvoice(input),
    by,
    at: now.toISOString(),
  };
  return withPayment(c, { ...p, invoice });
}

/** The day the money reached the supplier; once per payment, and only after its invoice. */
export function recordPaid(c: Contract, paymentId: string, input: { paidOn: string }, by: string, now: Date): Contract {
  requireNotCancelled(c, 'recording a payment');
  const p = paymentOf(c, paymentId);
  if (p.paid) throw conflict(`payment ${p.id} was already recorded as paid on ${dayInWords(p.paid.paidOn)}`, { rule: 'paid-once' });
  if (!p.invoice)
    throw conflict(`record the day the invoice for payment ${p.id} was received first: the 30 days to pay run from it`, {
      rule: 'invoice-first',
    });
  if (input.paidOn > londonDate(now)) throw invalid('paidOn', 'not-future', 'the date paid must be today or in the past');
  if (input.paidOn < p.invoice.receivedOn)
    throw invalid(
      'paidOn',
      'after-invoice',
      `the date paid must be on or after the day the invoice was received, ${dayInWords(p.invoice.receivedOn)}`,
    );
  return withPayment(c, { ...p, paid: { paidOn: input.paidOn, by, at: now.toISOString() } });
}

export type PaymentState = 'awaiting-invoice' | 'awaiting-payment' | 'overdue' | 'paid-on-time' | 'paid-late';

interface PaymentStatus {
  state: PaymentState;
  /** Paid late: days after the last day of the term; overdue: days so far. */
  daysLate: number;
  label: string;
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** Where a payment stands on `today` (a London date), in words a tag can carry. */
export function paymentStatus(p: Payment, today: string): PaymentStatus {
  if (!p.invoice) return { state: 'awaiting-invoice', daysLate: 0, label: 'Awaiting invoice' };
  if (p.paid) {
    const late = daysAfter(p.invoice.payBy, p.paid.paidOn);
    return late
      ? { state: 'paid-late', daysLate: late, label: `Paid ${days(late)} late` }
      : { state: 'paid-on-time', daysLate: 0, label: 'Paid on time' };
  }
  const overdue = daysAfter(p.invoice.payBy, today);
  return overdue
    ? { state: 'overdue', daysLate: overdue, label: `Overdue by ${days(overdue)}` }
    : { state: 'awaiting-payment', daysLate: 0, label: 'Awaiting payment' };
}

/** A payment is late once it is paid after its term ends, or is still unpaid after it. */
export const isLate = (s: PaymentStatus) => s.state === 'paid-late' || s.state === 'overdue';
