import type { ConsortiaStore } from '../consortia/store';
import { DomainError, StaleWriteError } from '../platform/errors';
import type { DomainEvent } from '../platform/events';
import type { Mailer, PlatformStore, Workflows } from '../platform/ports';
import type { FundingShare, Grant, GrantChange } from './grant';
import type { LedgerEntry } from './ledger';
import type { Pledge } from './pledge';
import type { Pool, PoolTotals } from './pool';
import type { Restriction } from './restriction';
import type { Proposal, Round, Vote } from './round';

export interface Bucket {
  bucket: string;
  funderOrgId: string;
  restriction: Restriction;
  available: number;
  received: number;
  committed: number;
  paid: number;
  returned: number;
  /** Set aside for tenders. */
  reserved: number;
}

export interface StoredEntry extends LedgerEntry {
  seq: number;
  at: string;
  actor: string;
}

/** A change to the pool's money, written as one transaction under the pool's sequence. */
export interface LedgerWrite {
  poolId: string;
  /** The ledger sequence the plan was made against; a concurrent write makes this stale. */
  expectedSeq: number;
  entry: LedgerEntry;
  at: string;
  actor: string;
  totals: Partial<PoolTotals>;
  /** Per-bucket changes; a negative `available` delta is conditional on enough being there. */
  buckets: {
    bucket: string;
    funderOrgId: string;
    restriction: Restriction;
    delta: Partial<Omit<Bucket, 'bucket' | 'funderOrgId' | 'restriction'>>;
  }[];
  event: DomainEvent;
  /** Contribution: the pledge year to receive against, never beyond what was pledged. */
  pledgeReceipt?: { pledgeId: string; yearIndex: number; amount: number; maxReceivedBefore: number };
  /** Allocation: the grant and its funding shares, created only if the grant id is new. */
  newGrant?: { grant: Grant; shares: FundingShare[] };
  /** Payment or return: per-share changes on an existing grant. */
  shareDeltas?: { grantId: string; poolId: string; bucket: string; funderOrgId: string; paid?: number; returned?: number }[];
  /** A change of a grant's amount: the grant and its funders' shares move with the entry. */
  grantAmount?: {
    grantId: string;
    from: number;
    to: number;
    shares: { bucket: string; funderOrgId: string; restriction: Restriction; delta: number }[];
  };
}

/** What every ledger write starts from: the entry, planned against the pool's sequence as read, at this moment, by this actor. */
export const plannedAgainst = (pool: Pick<Pool, 'id' | 'ledgerSeq'>, entry: LedgerEntry, now: Date, actor: string) => ({
  poolId: pool.id,
  expectedSeq: pool.ledgerSeq,
  entry,
  at: now.toISOString(),
  actor,
});

/**
 * The pool's ledger moved on since the plan was made (its `ledgerSeq` condition failed): the
 * platform's stale write, retried like any other, except that a pool still contended after every
 * attempt is a PoolBusyError, which the workflows that move pool money wait out.
 */
export class StaleLedgerError extends StaleWriteError {
  constructor(poolId: string) {
    super('pool', poolId);
  }

  override busy(): DomainError {
    return new PoolBusyError();
  }
}

/**
 * The pool stayed contended through every attempt: a 409 for a person, and for a workflow an
 * error its Retry waits out (every Lambda task's transient Retry lists it), since a later try succeeds.
 */
export class PoolBusyError extends DomainError {
  constructor() {
    super('conflict', 'the pool is very busy; try again in a moment');
    this.name = 'PoolBusyError';
  }
}

export class GrantExistsError extends Error {
  constructor(readonly grantId: string) {
    super(`grant ${grantId} already exists`);
    this.name = 'GrantExistsError';
  }
}

/** Pools, their pledges and money, and the grants committed from them. */
export interface PoolStore {
  createPool(pool: Pool, event: DomainEvent): Promise<void>;
  getPool(poolId: string): Promise<Pool | undefined>;
  listPools(consortiumId: string): Promise<Pool[]>;
  createPledge(pledge: Pledge, event: DomainEvent): Promise<void>;
  getPledge(poolId: string, pledgeId: string): Promise<Pledge | undefined>;
  listPledges(poolId: string): Promise<Pledge[]>;
  listBuckets(poolId: string): Promise<Bucket[]>;
  /** Throws StaleLedgerError, GrantExistsError, or a conflict DomainError naming the bucket or pledge rule. */
  writeLedger(write: LedgerWrite): Promise<void>;
  listLedger(poolId: string): Promise<StoredEntry[]>;
  /** A grant with its funders' shares and the changes recorded under it since its award (oldest first). */
  getGrant(grantId: string): Promise<{ grant: Grant; shares: FundingShare[]; changes: GrantChange[] } | undefined>;
  listPoolGrants(poolId: string): Promise<Grant[]>;
  listFunderShares(funderOrgId: string, poolId: string): Promise<(FundingShare & { grantId: string })[]>;
}

/** Allocation rounds: proposals and votes. */
export interface RoundStore {
  createRound(round: Round, event: DomainEvent): Promise<void>;
  getRound(roundId: string): Promise<{ round: Round; proposals: Proposal[]; votes: Vote[] } | undefined>;
  /** A pool's rounds (headers only), oldest first. */
  listPoolRounds(poolId: string): Promise<Round[]>;
  addProposal(roundId: string, proposal: Proposal, event: DomainEvent): Promise<void>;
  /** One vote per organisation; a second is a conflict. */
  putVote(roundId: string, vote: Vote, event: DomainEvent): Promise<void>;
  saveRound(round: Round, expectedVersion: number, event: DomainEvent): Promise<void>;
  markProposal(
    roundId: string,
    proposalId: string,
    fields: { status: 'funded' | 'not-funded'; grantId?: string; reason?: string },
  ): Promise<void>;
}

/** Everything the pools use cases may use; each use case takes only what it picks. */
export interface PoolsDeps {
  platform: PlatformStore;
  consortia: ConsortiaStore;
  pools: PoolStore;
  rounds: RoundStore;
  clock: { now(): Date };
  mailer: Mailer;
  workflows: Workflows;
}
