import { defineEvents, type EventType, eventMaker, subjectOf } from '../platform/events';
import * as z from '../platform/zod';

/** What pools writes, each with its payload (amounts in pence): what its consumers may rely on. */
export const poolsEvents = /* @__PURE__ */ defineEvents('pools', () => {
  const round = { roundId: z.string(), poolId: z.string() };
  const settled = {
    writtenBy: 'workflow steps',
    data: z.strictObject({ ...round, status: z.enum(['voting', 'escalated', 'approved', 'rejected', 'expired', 'committed']) }),
  };
  const money = { grantId: z.string(), poolId: z.string(), amount: z.int() };
  return {
    'pool.created': { writtenBy: 'POST /consortia/{id}/pools', data: z.strictObject({ poolId: z.string(), consortiumId: z.string() }) },
    'pledge.recorded': {
      writtenBy: 'POST /pools/{id}/pledges',
      data: z.strictObject({ poolId: z.string(), pledgeId: z.string(), funderOrgId: z.string() }),
    },
    'contribution.received': {
      writtenBy: 'contribution (ledger)',
      data: z.strictObject({
        poolId: z.string(),
        pledgeId: z.string(),
        funderOrgId: z.string(),
        amount: z.int(),
        financialYear: z.string(),
        receivedOn: z.string(),
      }),
      fields: { amount: 'pence' },
    },
    'payment.made': {
      writtenBy: 'payment (ledger), or a tranche released',
      data: z.strictObject({ ...money, tranche: z.optional(z.int()) }),
      fields: { amount: 'pence', tranche: "the tranche's number, only for its release" },
    },
    'payment.returned': { writtenBy: 'return (ledger)', data: z.strictObject(money), fields: { amount: 'pence' } },
    'round.opened': { writtenBy: 'POST /pools/{id}/rounds', data: z.strictObject(round) },
    'round.proposal-added': {
      writtenBy: 'POST /rounds/{id}/proposals',
      data: z.strictObject({ roundId: z.string(), proposalId: z.string(), amount: z.int() }),
      fields: { amount: 'pence' },
    },
    'round.closed': { ...settled, writtenBy: 'POST /rounds/{id}/close' },
    'round.vote-recorded': {
      writtenBy: 'POST /rounds/{id}/votes',
      data: z.strictObject({ roundId: z.string(), orgId: z.string(), decision: z.enum(['approve', 'reject']) }),
    },
    'round.escalated': settled,
    'round.approved': settled,
    'round.rejected': settled,
    'round.expired': settled,
    'round.committed': settled,
  };
});

export type PoolsEvent = EventType<typeof poolsEvents>;

export const makeEvent = /* @__PURE__ */ eventMaker(poolsEvents);

export const subject = {
  pool: (poolId: string) => subjectOf('pool', poolId),
  grant: (grantId: string) => subjectOf('grant', grantId),
  round: (roundId: string) => subjectOf('round', roundId),
};
