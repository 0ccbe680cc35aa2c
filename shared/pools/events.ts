import { eventMaker, subjectOf } from '../platform/events';

export const poolsEvents = [
  'pool.created',
  'pledge.recorded',
  'contribution.received',
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
] as const;

export type PoolsEvent = (typeof poolsEvents)[number];

export const makeEvent = eventMaker(poolsEvents);

export const subject = {
  pool: (poolId: string) => subjectOf('pool', poolId),
  grant: (grantId: string) => subjectOf('grant', grantId),
  round: (roundId: string) => subjectOf('round', roundId),
};
