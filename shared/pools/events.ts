import { defineEvents, type EventType, eventMaker, eventNotes, subjectOf } from '../platform/events';
import * as z from '../platform/zod';

/** What pools writes, each with its payload (amounts in pence): what its consumers may rely on. */
export const poolsEvents = /* @__PURE__ */ defineEvents('pools', () => {
  const round = { roundId: z.string(), poolId: z.string() };
  const settled = z.strictObject({ ...round, status: z.enum(['voting', 'escalated', 'approved', 'rejected', 'expired', 'committed']) });
  const money = { grantId: z.string(), poolId: z.string(), amount: z.int() };
  return {
    'pool.created': z.strictObject({ poolId: z.string(), consortiumId: z.string() }),
    'pledge.recorded': z.strictObject({ poolId: z.string(), pledgeId: z.string(), funderOrgId: z.string() }),
    'contribution.received': z.strictObject({
      poolId: z.string(),
      pledgeId: z.string(),
      funderOrgId: z.string(),
      amount: z.int(),
      financialYear: z.string(),
      receivedOn: z.string(),
    }),
    'payment.made': z.strictObject({ ...money, tranche: z.optional(z.int()) }),
    'payment.returned': z.strictObject(money),
    'round.opened': z.strictObject(round),
    'round.proposal-added': z.strictObject({ roundId: z.string(), proposalId: z.string(), amount: z.int() }),
    'round.closed': settled,
    'round.vote-recorded': z.strictObject({ roundId: z.string(), orgId: z.string(), decision: z.enum(['approve', 'reject']) }),
    'round.escalated': settled,
    'round.approved': settled,
    'round.rejected': settled,
    'round.expired': settled,
    'round.committed': settled,
  };
});

/**
 * Who writes each type, and what a field means beyond its type: for the event catalogue in
 * docs/ARCHITECTURE.md only (through the catalog slice), so no Lambda bundle carries the prose.
 */
export const poolsEventNotes = /* @__PURE__ */ eventNotes<typeof poolsEvents>()(
  {
    'pool.created': { writtenBy: 'POST /consortia/{id}/pools' },
    'pledge.recorded': { writtenBy: 'POST /pools/{id}/pledges' },
    'contribution.received': { writtenBy: 'contribution (ledger)', fields: { amount: 'pence' } },
    'payment.made': {
      writtenBy: 'payment (ledger), or a tranche released',
      fields: { amount: 'pence', tranche: "the tranche's number, only for its release" },
    },
    'payment.returned': { writtenBy: 'return (ledger)', fields: { amount: 'pence' } },
    'round.opened': { writtenBy: 'POST /pools/{id}/rounds' },
    'round.proposal-added': { writtenBy: 'POST /rounds/{id}/proposals', fields: { amount: 'pence' } },
    'round.closed': { writtenBy: 'POST /rounds/{id}/close' },
    'round.vote-recorded': { writtenBy: 'POST /rounds/{id}/votes' },
  },
  { 'workflow steps': ['round.escalated', 'round.approved', 'round.rejected', 'round.expired', 'round.committed'] },
);

export type PoolsEvent = EventType<typeof poolsEvents>;

export const makeEvent = /* @__PURE__ */ eventMaker(poolsEvents);

export const subject = {
  pool: (poolId: string) => subjectOf('pool', poolId),
  grant: (grantId: string) => subjectOf('grant', grantId),
  round: (roundId: string) => subjectOf('round', roundId),
};
