import type { Restriction } from '../pools/restriction';
import type { Conflict, Moderation, RankedBid, Score } from './scoring';

/**
 * What happens to a tender after it is drafted, kept on the tender item so one version guards
 * it. Nothing here describes a bid before the submission deadline: scores, conflicts and lot
 * outcomes only exist once bids are unsealed.
 */
export interface SignOff {
  orgId: string;
  decision: 'approve' | 'refuse';
  reason?: string;
  by: string;
  at: string;
}

type LotStatus = 'open' | 'no-bids' | 'recommended' | 'awarded' | 'failed';

export interface LotOutcome {
  lotId: string;
  status: LotStatus;
  ranking?: RankedBid[];
  /** The recommended (then awarded) bid: the provider's interest id and price. */
  winner?: { interestId: string; orgName: string; price: number; total: number };
  /** Chosen at recommendation; the grant exists once the lot is awarded. */
  grantId?: string;
  awardedAt?: string;
  reason?: string;
}

interface Challenge {
  id: string;
  lotId: string;
  grounds: string;
  receivedAt: string;
  recordedBy: string;
  status: 'open' | 'dismissed' | 'upheld';
  resolution?: string;
  resolvedAt?: string;
}

/** The Procurement Act notices a tender's own workflow publishes: tender (UK4), contract award (UK6), contract details (UK7). */
type NoticeType = 'UK4' | 'UK6' | 'UK7';

export interface Notice {
  type: NoticeType;
  publishedAt: string;
  lotIds: string[];
}

/** Mandatory above threshold (s.51(2)); voluntary where the consortium chose one for a light-touch contract (s.51(4)-(5)). */
export interface Standstill {
  kind: 'mandatory' | 'voluntary';
  workingDays: number;
  startsOn: string;
  endsOn: string;
  /** Midnight London after the last day: the contract may be entered into from then. */
  endsAt: string;
}

export interface AwardVote {
  orgId: string;
  decision: 'approve' | 'reject';
  by: string;
  at: string;
}

/** A funder's money as reserved at publication, bucket by bucket. */
export interface ReservedShare {
  bucket: string;
  funderOrgId: string;
  restriction: Restriction;
  amount: number;
}

export interface TenderProcess {
  /** Sign-off attempts so far: a refusal sends the tender back to draft and the next attempt is a new workflow execution. */
  attempt: number;
  signOffs: SignOff[];
  /** Why the workflow last sent it back to draft (a refusal, no decision, a funder short of money), for the lead to act on. */
  returnedToDraft?: { reason: string; at: string };
  /** The sign-off deadline passed with funders silent: the lead decides for them. */
  signOffEscalation?: { at: string; decision?: 'proceed' | 'return-to-draft'; by?: string; decidedAt?: string };
  reserved: ReservedShare[];
  publishedAt?: string;
  conflicts: Conflict[];
  scores: Score[];
  moderations: Moderation[];
  outcomes: LotOutcome[];
  awardVotes: AwardVote[];
  /** When the award step ran (UK6 and standstill, or below threshold the award going ahead): it runs once. */
  awardApprovedAt?: string;
  standstill?: Standstill;
  /** When each bidder was sent its assessment summary (s.50(3)): before the UK6 is published. */
  assessmentSummaries?: { sentAt: string; lotIds: string[]; bidders: number };
  challenges: Challenge[];
  notices: Notice[];
  cancellation?: { reason: string; at: string; by: string };
  closedAt?: string;
}

export const noProcess = (): TenderProcess => ({
  attempt: 0,
  signOffs: [],
  reserved: [],
  conflicts: [],
  scores: [],
  moderations: [],
  outcomes: [],
  awardVotes: [],
  challenges: [],
  notices: [],
});
