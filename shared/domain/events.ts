/**
 * Domain events: written as items in the same transaction as the state change (audit trail
 * and outbox), then published to EventBridge by the stream router. `version` lets consumers
 * accept old and new shapes side by side.
 */
export const eventTypes = [
  'organisation.created',
  'user.created',
  'membership.granted',
  'consortium.created',
  'consortium.invitations-sent',
  'consortium.reminder-sent',
  'consortium.activated',
  'consortium.lapsed',
  'consortium.reporting-policy-set',
  'pool.created',
  'pledge.recorded',
  'contribution.received',
  'grant.awarded',
  'payment.made',
  'payment.returned',
  'round.opened',
  'round.proposal-added',
  'round.closed',
  'round.vote-recorded',
  'round.escalated',
  'round.approved',
  'round.rejected',
  'round.expired',
  'round.committed',
  'grant.plan-set',
  'grant.status-changed',
  'grant.amended',
  'condition.evidence-submitted',
  'condition.decided',
  'report.opened',
  'report.submitted',
  'report.reviewed',
  'report.changes-requested',
  'report.accepted',
  'report.overdue',
  'report.very-late',
  'report.not-submitted',
  'report.reminder-sent',
] as const;
export type EventType = (typeof eventTypes)[number];

export interface DomainEvent<T = Record<string, unknown>> {
  id: string;
  type: EventType;
  version: 1;
  /** The aggregate the event belongs to, e.g. `consortium#01H...`. */
  subject: string;
  occurredAt: string;
  actor: string;
  data: T;
}

export const EVENT_SOURCE = 'grantloop';
