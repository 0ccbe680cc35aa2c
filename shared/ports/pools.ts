import type { DomainEvent } from '../domain/events';
import type { FundingShare, Grant } from '../domain/grant';
import type { LedgerEntry } from '../domain/ledger';
import type { Pledge } from '../domain/pledge';
import type { Pool, PoolTotals } from '../domain/pool';
import type { Restriction } from '../domain/restriction';
import type { Proposal, Round, Vote } from '../domain/round';
import type { Amendment } from './grants';

export interface Bucket {
  bucket: string;
  funderOrgId: string;
  restriction: Restriction;
  available: number;
  received: number;
  committed: number;
  paid: number;
  returned: number;
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
  /** Payment of a tranche: the tranche moves to released in the same transaction, once. */
  trancheRelease?: { grantId: string; seq: number };
  /** An amount amendment: the grant, its funders' shares, its unpaid tranches and the history item move together. */
  grantAmount?: {
    grantId: string;
    from: number;
    to: number;
    shares: { bucket: string; funderOrgId: string; restriction: Restriction; delta: number }[];
    tranches: { seq: number; amount: number; status: 'scheduled' | 'cancelled' }[];
    amendment: Amendment;
  };
}

export class TrancheReleasedError extends Error {
  constructor(
    readonly grantId: string,
    readonly seq: number,
  ) {
    super(`tranche ${seq} of grant ${grantId} was already released`);
    this.name = 'TrancheReleasedError';
  }
}

export class StaleLedgerError extends Error {
  constructor() {
    super('the pool changed while this was being planned');
    this.name = 'StaleLedgerError';
  }
}

export class GrantExistsError extends Error {
  constructor(readonly grantId: string) {
    super(`grant ${grantId} already exists`);
    this.name = 'GrantExistsError';
  }
}

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
  getGrant(grantId: string): Promise<{ grant: Grant; shares: FundingShare[] } | undefined>;
  listPoolGrants(poolId: string): Promise<Grant[]>;
  listFunderShares(funderOrgId: string, poolId: string): Promise<(FundingShare & { grantId: string })[]>;

  createRound(round: Round, event: DomainEvent): Promise<void>;
  getRound(roundId: string): Promise<{ round: Round; proposals: Proposal[]; votes: Vote[] } | undefined>;
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
