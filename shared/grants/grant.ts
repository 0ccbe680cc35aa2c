import type { AllocationRequest } from '../pools/grant';
import type { GrantStatus } from './grant-plan';

/**
 * A grant: the grants feature owns its item (type, keys, codec, every write). It is created in
 * the award's ledger transaction (the pools feature writes it there with `grantRecord`, the
 * money and the grant in one write) and follows its lifecycle here (awarded → active → …).
 */
export interface Grant extends AllocationRequest {
  id: string;
  poolId: string;
  consortiumId: string;
  currency: 'GBP';
  fundingType: 'core' | 'restricted';
  plannedStart: string;
  plannedEnd: string;
  awardedAt: string;
  awardedBy: string;
  status: GrantStatus;
  roundId?: string;
  /** A grant (or contract) awarded through a tender, and the tender's lot it won. */
  tenderId?: string;
  tenderLotId?: string;
  beneficiaryOrgIds: string[];
  /** When its plan was set (a plan is set once; changes after are amendments). */
  planSetAt?: string;
}

/** A grant as its award creates it: grants moves it on from `awarded` later. */
export type AwardedGrant = Grant & { status: 'awarded' };

/** A change recorded under a grant after its award (an amendment): its kind and when. */
export interface GrantChange {
  kind: string;
  at: string;
}
