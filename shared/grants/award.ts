import type { DomainEvent } from '../platform/events';
import { londonDate } from '../platform/london-time';
import type { AllocationRequest, FundingShare, Grant } from '../pools/grant';
import { plannedEnd } from '../pools/grant';
import { allocation, awardFromReserve, emptyBalances, type LedgerEntry } from '../pools/ledger';
import type { Pool } from '../pools/pool';
import { balancesOf } from '../pools/pools';
import { parseBucketKey } from '../pools/restriction';
import { type Bucket, type LedgerWrite, plannedAgainst } from '../pools/store';
import { makeEvent, subject } from './events';

/**
 * Where an awarded grant's money comes from:
 * - `proposal`: a round's proposal (or the lead's direct award, the same request): each eligible
 *   funder's available money in the pool, pro rata to what it has now;
 * - `lot`: a tender's lot, from what the tender reserved, pro rata to what each funder still holds
 *   in it, so each funder's share is exact and the parts sum to the price.
 */
export type FundingSource =
  | { kind: 'proposal'; buckets: Bucket[]; roundId?: string | undefined }
  | { kind: 'lot'; tenderId: string; lotId: string; tenderTitle: string; reserved: { bucket: string; amount: number }[] };

export interface Award {
  grantId: string;
  /** What is awarded: to whom, what for, how much and for how long (and when it starts, if said). */
  request: AllocationRequest;
  source: FundingSource;
  actor: string;
}

/** What an award writes, in one ledger transaction under the pool's sequence (with the grant.awarded event). */
export interface Awarded {
  grant: Grant;
  shares: FundingShare[];
  write: LedgerWrite;
}

/** One rule for a grant's start when the award does not give one: the day of the award in London. */
export const startOf = (request: AllocationRequest, now: Date): string => request.plannedStart ?? londonDate(now);

/** The ledger entry and each bucket's part of it, planned from the source against the pool as read. */
function plan(award: Award): { entry: LedgerEntry; shares: Map<string, number> } {
  const { grantId, request, source } = award;
  if (source.kind === 'lot') {
    // What the tender still holds, bucket by bucket, as the ledger's planner reads it.
    const held = emptyBalances();
    held.reserved.set(source.tenderId, new Map(source.reserved.filter((r) => r.amount > 0).map((r) => [r.bucket, r.amount])));
    return awardFromReserve(held, source.tenderId, grantId, request.amount, `tender "${source.tenderTitle}", lot ${source.lotId}`);
  }
  return allocation(
    balancesOf(source.buckets),
    grantId,
    request.amount,
    { lotId: request.lotId, purpose: request.purpose },
    `grant ${grantId}: ${request.title}`,
  );
}

/**
 * Awards a grant from a pool: plans its funders' shares from the funding source, builds the grant
 * (one start-date rule, `startOf`) and the ledger write that commits it, with `grant.awarded`.
 * Pure: the caller writes it (pools under the pool's sequence; tenders with the tender item
 * under its version), inside one retryStale attempt. Not enough money is a 409 from the planner.
 */
export function awardGrant(pool: Pick<Pool, 'id' | 'consortiumId' | 'currency' | 'ledgerSeq'>, award: Award, now: Date): Awarded {
  const { grantId, request, source, actor } = award;
  const { entry, shares } = plan(award);
  const shareList: FundingShare[] = [...shares].map(([bucket, amount]) => ({
    bucket,
    ...parseBucketKey(bucket),
    amount,
    paid: 0,
    returned: 0,
  }));
  const plannedStart = startOf(request, now);
  const grant: Grant = {
    ...request,
    id: grantId,
    poolId: pool.id,
    consortiumId: pool.consortiumId,
    currency: pool.currency,
    fundingType: shareList.every((s) => s.restriction.kind === 'core') ? 'core' : 'restricted',
    plannedStart,
    plannedEnd: plannedEnd(plannedStart, request.durationMonths),
    awardedAt: now.toISOString(),
    awardedBy: actor,
    status: 'awarded',
    beneficiaryOrgIds: request.beneficiaryOrgIds ?? [],
    ...(source.kind === 'proposal' && source.roundId ? { roundId: source.roundId } : {}),
    ...(source.kind === 'lot' ? { tenderId: source.tenderId, tenderLotId: source.lotId } : {}),
  };
  const fromReserve = source.kind === 'lot';
  const write: LedgerWrite = {
    ...plannedAgainst(pool, entry, now, actor),
    totals: fromReserve ? { reserved: -request.amount, committed: request.amount } : { committed: request.amount },
    buckets: shareList.map((s) => ({
      bucket: s.bucket,
      funderOrgId: s.funderOrgId,
      restriction: s.restriction,
      delta: fromReserve ? { reserved: -s.amount, committed: s.amount } : { available: -s.amount, committed: s.amount },
    })),
    newGrant: { grant, shares: shareList },
    event: awarded(grant, actor, now),
  };
  return { grant, shares: shareList, write };
}

const awarded = (grant: Grant, actor: string, now: Date): DomainEvent =>
  makeEvent(
    'grant.awarded',
    subject.grant(grant.id),
    actor,
    {
      grantId: grant.id,
      poolId: grant.poolId,
      amount: grant.amount,
      recipientOrgId: grant.recipientOrgId,
      ...(grant.tenderId ? { tenderId: grant.tenderId } : {}),
    },
    now,
  );
