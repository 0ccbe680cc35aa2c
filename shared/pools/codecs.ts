import * as z from 'zod/mini';
import { type Item, recordsOf } from '../platform/codec';
import { lazy } from '../platform/lazy';
import type { FundingShare } from './grant';
import { regrantTypes } from './grant';
import { keys } from './keys';
import type { Pledge } from './pledge';
import type { Pool } from './pool';
import type { Proposal, Round, Vote } from './round';
import type { StoredEntry } from './store';

/** The pools feature's records: the only place their stored shapes are spelled (docs/ARCHITECTURE.md, "Record kinds"). */
const record = /* @__PURE__ */ recordsOf('pools');

/** Built on first use, as every schema here (issue 27). */
export const restrictionSchema = lazy(() =>
  z.union([
    z.object({ kind: z.literal('core') }),
    z.object({ kind: z.literal('restricted'), lotId: z.string() }),
    z.object({ kind: z.literal('restricted'), purpose: z.string() }),
  ]),
);

/** What a funder proposes to fund (a round's proposal, and the grant made from it). */
export const allocationRequestShape = lazy(() => ({
  recipientOrgId: z.string(),
  title: z.string(),
  description: z.optional(z.string()),
  amount: z.number(),
  lotId: z.optional(z.string()),
  purpose: z.optional(z.string()),
  durationMonths: z.number(),
  plannedStart: z.optional(z.string()),
  beneficiaryOrgIds: z.optional(z.array(z.string())),
  regrantType: z.optional(z.enum(regrantTypes)),
}));

const totals = lazy(() => ({
  pledged: z.number(),
  received: z.number(),
  committed: z.number(),
  paid: z.number(),
  returned: z.number(),
  // Pools stored before tenders have no reservations yet.
  reserved: z._default(z.number(), 0),
}));

export const poolRecord = /* @__PURE__ */ record<Pool>()('pool', ['POOL#', 'POOL'], {
  schema: () =>
    z.object({
      id: z.string(),
      consortiumId: z.string(),
      name: z.string(),
      purpose: z.string(),
      currency: z.literal('GBP'),
      lots: z.array(z.object({ id: z.string(), name: z.string() })),
      status: z.enum(['open', 'closed']),
      createdAt: z.string(),
      createdBy: z.string(),
      ledgerSeq: z.number(),
      ...totals(),
    }),
  keys: (p) => ({ ...keys.pool(p.id), ...keys.poolIndex(p.consortiumId, p.id) }),
});

export const pledgeRecord = /* @__PURE__ */ record<Pledge>()('pledge', ['POOL#', 'PLEDGE#'], {
  schema: () =>
    z.object({
      id: z.string(),
      poolId: z.string(),
      funderOrgId: z.string(),
      restriction: restrictionSchema(),
      years: z.array(z.object({ financialYear: z.string(), amount: z.number(), received: z.number() })),
      createdAt: z.string(),
    }),
  keys: (p) => ({ ...keys.pledge(p.poolId, p.id), ...keys.pledgeIndex(p.funderOrgId, p.poolId, p.id) }),
});

/**
 * A bucket as stored: written only by ADD updates in the ledger transaction (so a figure never
 * added is absent), under `BUCKET#<bucket>`; `bucketFromItem` reads it as the port's Bucket.
 */
export interface StoredBucket {
  funderOrgId: string;
  restriction: FundingShare['restriction'];
  available?: number;
  received?: number;
  committed?: number;
  paid?: number;
  returned?: number;
  reserved?: number;
}

export const bucketRecord = /* @__PURE__ */ record<StoredBucket, [poolId: string, bucket: string]>()('bucket', ['POOL#', 'BUCKET#'], {
  schema: () =>
    z.object({
      funderOrgId: z.string(),
      restriction: restrictionSchema(),
      available: z.optional(z.number()),
      received: z.optional(z.number()),
      committed: z.optional(z.number()),
      paid: z.optional(z.number()),
      returned: z.optional(z.number()),
      reserved: z.optional(z.number()),
    }),
  keys: (_b, poolId, bucket) => keys.bucket(poolId, bucket),
});

const posting = lazy(() => z.object({ account: z.string(), amount: z.number() }));

export const ledgerEntryRecord = /* @__PURE__ */ record<StoredEntry, [poolId: string]>()('ledger-entry', ['POOL#', 'LEDGER#'], {
  schema: () =>
    z.object({
      seq: z.number(),
      at: z.string(),
      actor: z.string(),
      type: z.enum(['contribution', 'allocation', 'payment', 'return', 'release', 'reservation', 'unreservation']),
      postings: z.array(posting()),
      grantId: z.optional(z.string()),
      tenderId: z.optional(z.string()),
      memo: z.string(),
    }),
  keys: (e, poolId) => keys.ledgerEntry(poolId, e.seq),
});

/** One funder's share of a grant: pool money, kept in the grant's partition and listed by funder. */
export const shareRecord = /* @__PURE__ */ record<FundingShare & { grantId: string }, [poolId: string]>()(
  'grant-share',
  ['GRANT#', 'SHARE#'],
  {
    schema: () =>
      z.object({
        grantId: z.string(),
        bucket: z.string(),
        funderOrgId: z.string(),
        restriction: restrictionSchema(),
        amount: z.number(),
        paid: z.number(),
        returned: z.number(),
      }),
    keys: (s, poolId) => keys.grantShare(s.grantId, s.bucket, s.funderOrgId, poolId),
  },
);

export const roundRecord = /* @__PURE__ */ record<Round>()('round', ['ROUND#', 'ROUND'], {
  schema: () =>
    z.object({
      id: z.string(),
      poolId: z.string(),
      consortiumId: z.string(),
      name: z.string(),
      status: z.enum(['open', 'voting', 'escalated', 'approved', 'rejected', 'expired', 'committed']),
      openedAt: z.string(),
      openedBy: z.string(),
      closedAt: z.optional(z.string()),
      decidedAt: z.optional(z.string()),
      version: z.number(),
    }),
  keys: (r) => ({ ...keys.round(r.id), ...keys.roundIndex(r.poolId, r.id) }),
});

/** Who proposed it and what became of it: the same stored and served (the API's proposal view spreads it). */
export const proposalOutcome = lazy(() => ({
  id: z.string(),
  by: z.string(),
  status: z.enum(['proposed', 'funded', 'not-funded']),
  grantId: z.optional(z.string()),
  reason: z.optional(z.string()),
}));

export const proposalRecord = /* @__PURE__ */ record<Proposal, [roundId: string]>()('proposal', ['ROUND#', 'PROPOSAL#'], {
  schema: () => z.object({ ...allocationRequestShape(), ...proposalOutcome() }),
  keys: (p, roundId) => keys.proposal(roundId, p.id),
});

export const voteRecord = /* @__PURE__ */ record<Vote, [roundId: string]>()('vote', ['ROUND#', 'VOTE#'], {
  schema: () =>
    z.object({
      orgId: z.string(),
      decision: z.enum(['approve', 'reject']),
      comment: z.optional(z.string()),
      by: z.string(),
      at: z.string(),
    }),
  keys: (v, roundId) => keys.vote(roundId, v.orgId),
});

/** A round with its proposals and votes, from its partition (one Query on `ROUND#<id>`); undefined without the round item. */
export function roundOf(items: Item[], roundId: string) {
  const round = roundRecord.fromOptional(items.find((i) => i.sk === keys.round(roundId).sk));
  if (!round) return undefined;
  const under = (prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix));
  return {
    round,
    proposals: under(keys.prefix.proposal).map((i) => proposalRecord.fromItem(i)),
    votes: under(keys.prefix.vote).map((i) => voteRecord.fromItem(i)),
  };
}

/** Every record kind pools owns (the ownership test reads their prefixes). */
export const records = [poolRecord, pledgeRecord, bucketRecord, ledgerEntryRecord, shareRecord, roundRecord, proposalRecord, voteRecord];
