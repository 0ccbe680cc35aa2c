import { defineEvents, type EventData, type EventType, eventMaker, subjectOf } from '../platform/events';
import * as z from '../platform/zod';
import { contractStatuses, kpiRatings } from './contract';

/** What contracts writes, each with its payload (amounts in pence): what its consumers may rely on. */
export const contractsEvents = /* @__PURE__ */ defineEvents('contracts', () => {
  const milestone = { contractId: z.string(), milestoneId: z.string() };
  /** Every change saved under the contract's version carries the status it left the contract in. */
  const changed = { contractId: z.string(), status: z.enum(contractStatuses) };
  const officer = 'a council officer (API or contract page)';
  return {
    'contract.registered': {
      writtenBy: "a council officer (API or the register journey), or a tender's lot award",
      data: z.strictObject({ contractId: z.string(), councilOrgId: z.string(), milestones: z.int(), source: z.enum(['direct', 'tender']) }),
    },
    'contract.status-changed': { writtenBy: officer, data: z.strictObject(changed) },
    'contract.amended': {
      writtenBy: officer,
      data: z.strictObject({ ...changed, amendmentId: z.optional(z.string()), rescheduled: z.array(z.string()) }),
    },
    'contract.policy-set': {
      writtenBy: 'a council admin',
      data: z.strictObject({
        councilOrgId: z.string(),
        amberWithinDays: z.int(),
        alertOffsetsDays: z.array(z.int()),
      }),
      fields: { alertOffsetsDays: 'days before the due date (negative)' },
    },
    'milestone.evidence-submitted': { writtenBy: 'the supplier, by emailed link (`/m/{token}`)', data: z.strictObject(milestone) },
    'milestone.decided': {
      writtenBy: officer,
      data: z.strictObject({
        ...changed,
        milestoneId: z.string(),
        decision: z.enum(['met', 'partiallyMet', 'notMet']),
        sequence: z.optional(z.int()),
      }),
      fields: { sequence: "the decision's number on the milestone: one email per decision" },
    },
    'milestone.alert-sent': {
      writtenBy: 'scheduled alert',
      data: z.strictObject({ ...milestone, dueDate: z.string(), offsetDays: z.int(), recipients: z.int() }),
    },
    'milestone.link-issued': {
      writtenBy: 'a scheduled alert, or POST /contracts/{id}/milestones/{m}/evidence-request',
      data: z.strictObject({ ...milestone, reason: z.enum(['alert', 'requested']), replaced: z.boolean(), expiresAt: z.string() }),
      note: 'written with the new link and the old one revoked, in one transaction; whoever issued it sends the email',
    },
    'milestone.evidence-requested': {
      writtenBy: 'POST /contracts/{id}/milestones/{m}/evidence-request (the contract page\'s "Request evidence now")',
      data: z.strictObject({ ...milestone, by: z.string() }),
    },
    'kpi.rated': {
      writtenBy: officer,
      data: z.strictObject({
        ...changed,
        kpiId: z.string(),
        rating: z.enum(kpiRatings),
        period: z.strictObject({ startDate: z.string(), endDate: z.string() }),
      }),
    },
    'contract.invoice-received': {
      writtenBy: officer,
      data: z.strictObject({ ...changed, paymentId: z.string(), receivedOn: z.string(), payBy: z.optional(z.string()) }),
    },
    'contract.payment-made': {
      writtenBy: officer,
      data: z.strictObject({
        ...changed,
        paymentId: z.string(),
        amount: z.optional(z.int()),
        paidOn: z.string(),
        daysLate: z.int(),
      }),
      fields: { amount: 'pence' },
    },
  };
});

export type ContractsEvent = EventType<typeof contractsEvents>;

/** A contract event's payload beyond what every change carries (the contract's id and status), for `changeContract`. */
export type ContractChange<K extends ContractsEvent> = K extends unknown
  ? Omit<EventData<typeof contractsEvents, K>, 'contractId' | 'status'>
  : never;

/** The whole payload: the contract's id and status with the change's own fields. */
export const contractEventData = <K extends ContractsEvent>(common: { contractId: string; status: string }, change: object) =>
  ({ ...common, ...change }) as EventData<typeof contractsEvents, K>;

export const makeEvent = /* @__PURE__ */ eventMaker(contractsEvents);

export const subject = {
  contract: (contractId: string) => subjectOf('contract', contractId),
  council: (orgId: string) => subjectOf('council', orgId),
};
