import { describe, expect, it } from 'vitest';
import { changeStatus } from '../../shared/contracts/changes';
import type { Contract } from '../../shared/contracts/contract';
import { paymentStatus, recordInvoice, recordPaid } from '../../shared/contracts/payments';
import { DomainError } from '../../shared/platform/errors';
import { daysToPay, paymentDueByInvoice, paymentQuarter, reportingPeriodOf } from '../../shared/tenders/statutory-periods';
import { contractInput, registeredContract } from '../support/contract-input';

/**
 * Every expected date below was counted by hand on a calendar (30 days beginning with the day
 * the invoice arrives end 29 days after it), not computed by the code under test.
 */
const now = new Date('2027-02-10T10:00:00Z');

const build = (): Contract =>
  registeredContract(
    contractInput({
      value: 12_000_000,
      period: { startDate: '2026-04-01', endDate: '2027-03-31' },
      payments: [
        { dueDate: '2026-12-01', amount: 6_000_000 },
        { dueDate: '2027-01-15', amount: 6_000_000 },
      ],
    }),
  );

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { kind: error.kind, rule: error.issues[0]?.rule ?? error.details.rule, message: error.issues[0]?.message ?? error.message };
  }
  return undefined;
};

const invoiced = (receivedOn: string, fallsDueOn?: string) => recordInvoice(build(), 'P1', { receivedOn, fallsDueOn }, 'user-ruth', now);
const p1 = (c: Contract) => c.payments[0] as Contract['payments'][number];

describe('the 30-day payment term (s.68(2); s.88 below threshold)', () => {
  it('runs for 30 days beginning with the day the invoice is received', () => {
    expect(p1(invoiced('2026-12-05')).invoice).toMatchObject({ receivedOn: '2026-12-05', payBy: '2027-01-03', by: 'user-ruth' });
    // Across the end of February (28 days in 2027), and in a leap year.
    expect(p1(invoiced('2027-01-31')).invoice?.payBy).toBe('2027-03-01');
    expect(paymentDueByInvoice({ receivedOn: '2028-02-15' })).toBe('2028-03-15');
    expect(paymentDueByInvoice({ receivedOn: '2026-11-10' })).toBe('2026-12-09');
  });

  it('runs from the day payment falls due under the invoice when that is later, and ignores an earlier one', () => {
    expect(p1(invoiced('2026-11-02', '2026-11-20')).invoice).toMatchObject({ fallsDueOn: '2026-11-20', payBy: '2026-12-19' });
    expect(p1(invoiced('2026-12-05', '2026-12-01')).invoice?.payBy).toBe('2027-01-03');
  });

  it('says whether each payment is awaiting its invoice or payment, paid on time, paid late or overdue, in days', () => {
    const due = invoiced('2026-12-05');
    expect(paymentStatus(p1(build()), '2027-02-10')).toEqual({ state: 'awaiting-invoice', daysLate: 0, label: 'Awaiting invoice' });
    expect(paymentStatus(p1(due), '2027-01-03')).toEqual({ state: 'awaiting-payment', daysLate: 0, label: 'Awaiting payment' });
    expect(paymentStatus(p1(due), '2027-01-04')).toEqual({ state: 'overdue', daysLate: 1, label: 'Overdue by 1 day' });
    expect(paymentStatus(p1(due), '2027-01-08').label).toBe('Overdue by 5 days');
    const onTime = recordPaid(due, 'P1', { paidOn: '2027-01-03' }, 'user-ruth', now);
    expect(paymentStatus(p1(onTime), '2027-02-10')).toEqual({ state: 'paid-on-time', daysLate: 0, label: 'Paid on time' });
    const late = recordPaid(due, 'P1', { paidOn: '2027-01-06' }, 'user-ruth', now);
    expect(p1(late).paid).toMatchObject({ paidOn: '2027-01-06', by: 'user-ruth' });
    expect(paymentStatus(p1(late), '2027-02-10')).toEqual({ state: 'paid-late', daysLate: 3, label: 'Paid 3 days late' });
  });

  it('refuses nonsense in plain English: a future date, paying before the invoice, twice, or under a cancelled contract', () => {
    expect(refusal(() => invoiced('2027-02-11'))).toEqual({
      kind: 'validation',
      rule: 'not-future',
      message: 'the date the invoice was received must be today or in the past',
    });
    const due = invoiced('2026-12-05');
    expect(refusal(() => recordInvoice(due, 'P1', { receivedOn: '2026-12-06' }, 'u', now))).toEqual({
      kind: 'conflict',
      rule: 'one-invoice',
      message: 'the invoice for payment P1 was already recorded as received on 5 December 2026',
    });
    expect(refusal(() => recordPaid(build(), 'P1', { paidOn: '2027-01-02' }, 'u', now))?.rule).toBe('invoice-first');
    expect(refusal(() => recordPaid(due, 'P1', { paidOn: '2026-12-04' }, 'u', now))).toEqual({
      kind: 'validation',
      rule: 'after-invoice',
      message: 'the date paid must be on or after the day the invoice was received, 5 December 2026',
    });
    expect(refusal(() => recordPaid(due, 'P1', { paidOn: '2027-02-11' }, 'u', now))?.message).toBe(
      'the date paid must be today or in the past',
    );
    const paid = recordPaid(due, 'P1', { paidOn: '2026-12-05' }, 'u', now);
    expect(refusal(() => recordPaid(paid, 'P1', { paidOn: '2027-01-02' }, 'u', now))).toEqual({
      kind: 'conflict',
      rule: 'paid-once',
      message: 'payment P1 was already recorded as paid on 5 December 2026',
    });
    const cancelled = changeStatus({ ...build(), status: 'pending' }, 'cancelled', 'Never signed', now);
    expect(refusal(() => recordInvoice(cancelled, 'P1', { receivedOn: '2026-12-05' }, 'u', now))?.rule).toBe('contract-not-cancelled');
    expect(refusal(() => recordInvoice(build(), 'P9', { receivedOn: '2026-12-05' }, 'u', now))?.kind).toBe('not-found');
  });

  it('still records what a terminated contract owes for work done before it ended', () => {
    const ended = changeStatus(invoiced('2026-12-05'), 'terminated', 'Ended by agreement', now);
    expect(p1(recordPaid(ended, 'P1', { paidOn: '2027-01-02' }, 'u', now)).paid?.paidOn).toBe('2027-01-02');
  });
});

describe('the statutory dates of the payment notices', () => {
  it('counts days to pay as a payments compliance notice does: day 1 is the day after the invoice day (reg. 38(2)(c))', () => {
    expect(daysToPay('2026-12-05', '2027-01-04')).toBe(30);
    expect(daysToPay('2026-12-05', '2026-12-05')).toBe(0);
    expect(daysToPay('2026-11-10', '2027-01-19')).toBe(70);
  });

  it('s.70: calendar quarters, published within 30 days beginning with the quarter’s last day', () => {
    expect(paymentQuarter('2026-05-01')).toMatchObject({ first: '2026-04-01', last: '2026-06-30', publishBy: '2026-07-29' });
    expect(paymentQuarter('2026-08-31')).toMatchObject({ first: '2026-07-01', last: '2026-09-30', publishBy: '2026-10-29' });
    expect(paymentQuarter('2026-11-15')).toMatchObject({ first: '2026-10-01', last: '2026-12-31', publishBy: '2027-01-29' });
    expect(paymentQuarter('2027-02-28')).toMatchObject({ first: '2027-01-01', last: '2027-03-31', publishBy: '2027-04-29' });
  });

  it('s.69: the first reporting period runs from 1 January 2026 to 31 March 2026, then six months at a time', () => {
    expect(reportingPeriodOf('2025-12-31')).toBeUndefined();
    expect(reportingPeriodOf('2026-02-10')).toMatchObject({ first: '2026-01-01', last: '2026-03-31', publishBy: '2026-04-29' });
    expect(reportingPeriodOf('2026-06-30')).toMatchObject({ first: '2026-04-01', last: '2026-09-30', publishBy: '2026-10-29' });
    expect(reportingPeriodOf('2026-12-25')).toMatchObject({ first: '2026-10-01', last: '2027-03-31', publishBy: '2027-04-29' });
    expect(reportingPeriodOf('2027-01-05')).toMatchObject({ first: '2026-10-01', last: '2027-03-31' });
    expect(reportingPeriodOf('2027-04-01')).toMatchObject({ first: '2027-04-01', last: '2027-09-30', publishBy: '2027-10-29' });
  });
});
