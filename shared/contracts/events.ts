import { defineEvents, type EventData, type EventNotes, type EventType, eventMaker, subjectOf } from '../platform/events';
import * as z from '../platform/zod';
import { contractStatuses, kpiRatings } from './contract';

/** What contracts writes, each with its payload (amounts in pence): what its consumers may rely on. */
export const contractsEvents = /* @__PURE__ */ defineEvents('contracts', () => {
  const milestone = { contractId: z.string(), milestoneId: z.string() };
  /** Every change saved under the contract's version carries the status it left the contract in. */
  const changed = { contractId: z.string(), status: z.enum(contractStatuses) };
  return {
    'contract.registered': z.strictObject({
      contractId: z.string(),
      councilOrgId: z.string(),
      milestones: z.int(),
      source: z.enum(['direct', 'tender']),
    }),
    'contract.status-changed': z.strictObject(changed),
    'contract.amended': z.strictObject({ ...changed, amendmentId: z.optional(z.string()), rescheduled: z.array(z.string()) }),
    'contract.policy-set': z.strictObject({
      councilOrgId: z.string(),
      amberWithinDays: z.int(),
      alertOffsetsDays: z.array(z.int()),
    }),
    'milestone.evidence-submitted': z.strictObject(milestone),
    'milestone.decided': z.strictObject({
      ...changed,
      milestoneId: z.string(),
      decision: z.enum(['met', 'partiallyMet', 'notMet']),
      sequence: z.optional(z.int()),
    }),
    'milestone.alert-sent': z.strictObject({ ...milestone, dueDate: z.string(), offsetDays: z.int(), recipients: z.int() }),
    'milestone.link-issued': z.strictObject({
      ...milestone,
      reason: z.enum(['alert', 'requested']),
      replaced: z.boolean(),
      expiresAt: z.string(),
    }),
    'milestone.evidence-requested': z.strictObject({ ...milestone, by: z.string() }),
    'kpi.rated': z.strictObject({
      ...changed,
      kpiId: z.string(),
      rating: z.enum(kpiRatings),
      period: z.strictObject({ startDate: z.string(), endDate: z.string() }),
    }),
    'contract.invoice-received': z.strictObject({
      ...changed,
      paymentId: z.string(),
      receivedOn: z.string(),
      payBy: z.optional(z.string()),
    }),
    'contract.payment-made': z.strictObject({
      ...changed,
      paymentId: z.string(),
      amount: z.optional(z.int()),
      paidOn: z.string(),
      daysLate: z.int(),
    }),
  };
});

const officer = 'a council officer (API or contract page)';

/**
 * Who writes each type, and what a field means beyond its type: for the event catalogue in
 * docs/ARCHITECTURE.md only (through the catalog slice), so no Lambda bundle carries the prose.
 */
export const contractsEventNotes: EventNotes<typeof contractsEvents> = {
  'contract.registered': { writtenBy: "a council officer (API or the register journey), or a tender's lot award" },
  'contract.status-changed': { writtenBy: officer },
  'contract.amended': { writtenBy: officer },
  'contract.policy-set': { writtenBy: 'a council admin', fields: { alertOffsetsDays: 'days before the due date (negative)' } },
  'milestone.evidence-submitted': { writtenBy: 'the supplier, by emailed link (`/m/{token}`)' },
  'milestone.decided': { writtenBy: officer, fields: { sequence: "the decision's number on the milestone: one email per decision" } },
  'milestone.alert-sent': { writtenBy: 'scheduled alert' },
  'milestone.link-issued': {
    writtenBy: 'a scheduled alert, or POST /contracts/{id}/milestones/{m}/evidence-request',
    note: 'written with the new link and the old one revoked, in one transaction; whoever issued it sends the email',
  },
  'milestone.evidence-requested': {
    writtenBy: 'POST /contracts/{id}/milestones/{m}/evidence-request (the contract page\'s "Request evidence now")',
  },
  'kpi.rated': { writtenBy: officer },
  'contract.invoice-received': { writtenBy: officer },
  'contract.payment-made': { writtenBy: officer, fields: { amount: 'pence' } },
};

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
