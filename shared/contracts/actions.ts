import type { Caller } from '../consortia/caller';
import { newId } from '../platform/ids';
import { type AmendmentInput, amendContract, changeStatus, decideMilestone, rateKpi } from './changes';
import type { Contract, ContractStatus, Decision, KpiRating } from './contract';
import { type ContractRecords, changeContract } from './contracts';
import { type InvoiceInput, paymentStatus, recordInvoice, recordPaid } from './payments';

/** What a council officer does to a contract: each is one pure change, saved with its event. */

export const decide = (
  deps: ContractRecords,
  caller: Caller,
  contractId: string,
  milestoneId: string,
  input: { status: Decision; reason?: string | undefined; dateMet?: string | undefined },
) =>
  changeContract(
    deps,
    caller,
    contractId,
    'milestone.decided',
    (c, now) => decideMilestone(c, milestoneId, input, caller.user.id, now),
    (next) => ({ milestoneId, decision: input.status, sequence: next.milestones.find((m) => m.id === milestoneId)?.sequence }),
  );

export const rate = (
  deps: ContractRecords,
  caller: Caller,
  contractId: string,
  kpiId: string,
  input: { period: { startDate: string; endDate: string }; rating: KpiRating; reason?: string | undefined },
) =>
  changeContract(
    deps,
    caller,
    contractId,
    'kpi.rated',
    (c, now) => rateKpi(c, kpiId, input, caller.user.id, now),
    () => ({ kpiId, rating: input.rating, period: input.period }),
  );

export const amend = (deps: ContractRecords, caller: Caller, contractId: string, input: AmendmentInput) =>
  changeContract(
    deps,
    caller,
    contractId,
    'contract.amended',
    (c, now) => amendContract(c, input, { id: newId(now), by: caller.user.id, now }),
    (next) => ({ amendmentId: next.amendments.at(-1)?.id, rescheduled: Object.keys(input.dueDates ?? {}) }),
  );

export const setStatus = (
  deps: ContractRecords,
  caller: Caller,
  contractId: string,
  input: { status: ContractStatus; reason?: string | undefined },
) =>
  changeContract(
    deps,
    caller,
    contractId,
    'contract.status-changed',
    (c, now) => changeStatus(c, input.status, input.reason, now),
    () => ({}),
  );

const paymentIn = (c: Contract, id: string) => c.payments.find((p) => p.id === id);

/** The supplier's invoice arrived: the 30 days to pay begin (s.68(2); s.88 below threshold). */
export const invoiceReceived = (deps: ContractRecords, caller: Caller, contractId: string, paymentId: string, input: InvoiceInput) =>
  changeContract(
    deps,
    caller,
    contractId,
    'contract.invoice-received',
    (c, now) => recordInvoice(c, paymentId, input, caller.user.id, now),
    (next) => ({ paymentId, receivedOn: input.receivedOn, payBy: paymentIn(next, paymentId)?.invoice?.payBy }),
  );

/** The council paid: on time or late by how many days, as the event says. */
export const paymentMade = (deps: ContractRecords, caller: Caller, contractId: string, paymentId: string, input: { paidOn: string }) =>
  changeContract(
    deps,
    caller,
    contractId,
    'contract.payment-made',
    (c, now) => recordPaid(c, paymentId, input, caller.user.id, now),
    (next) => {
      const p = paymentIn(next, paymentId);
      return { paymentId, amount: p?.amount, paidOn: input.paidOn, daysLate: p ? paymentStatus(p, input.paidOn).daysLate : 0 };
    },
  );
