import type { Licence } from './settings';

/**
 * The public page of one consortium as plain JSON: what the event stream stores and the page
 * renders. Money is integer pence, dates and instants are ISO strings (the page writes them in
 * words). It holds only what the lead chose to show, and never a bid (nor a count of bids)
 * before a tender's deadline, the name of an unsuccessful applicant or bidder, a report, or
 * anything of another consortium.
 */
export interface PublicView {
  consortiumId: string;
  /** The instant the view was built from the records (passed in: the builder reads no clock). */
  builtAt: string;
  name: string;
  /** From the shipped list of places when the lead chose one (with its GSS code), else as the consortium wrote it. */
  place: { name: string; code?: string };
  lead: string;
  /** Every member funder's name, the lead first. */
  members: string[];
  purpose?: string;
  licence: LicenceRef;
  /** Present when the lead shows grants: the pools and the grants funded from them. */
  pools?: ViewPool[];
  grants?: ViewGrant[];
  /** Present when the lead shows tenders: each tender published or signed off to be, its lots and award criteria. */
  tenders?: ViewTender[];
  timetable: Timetable;
  /** Present when the lead shows success rates. */
  successRates?: { rounds: RoundRate[]; tenders: TenderRate[] };
  /** Present when the lead shows decisions. */
  decisions?: { rounds: RoundDecision[]; tenders: TenderDecision[] };
  feeds: ViewFeed[];
  /** Set when a chosen feed has nothing in it yet (no grant, no published tender): the page says so instead of linking to it. */
  feedsAwaitingData?: boolean;
}

export interface LicenceRef {
  id: Licence;
  name: string;
  url: string;
}

export interface ViewPool {
  id: string;
  name: string;
  purpose: string;
  open: boolean;
  lots: string[];
  /** How many grants the page lists from this pool, and their sum (pence). */
  grants: number;
  granted: number;
}

/** How a grant was made: in a round, through a tender (titled only where tenders are shown), or directly. */
export type GrantRoute = { kind: 'round'; name: string } | { kind: 'tender'; title?: string } | { kind: 'direct' };

export interface ViewGrant {
  id: string;
  title: string;
  recipient: string;
  /** Pence, as the grant stands now (after any amendment). */
  amount: number;
  awardedAt: string;
  plannedStart: string;
  plannedEnd: string;
  poolId: string;
  pool: string;
  route: GrantRoute;
}

/**
 * Where a tender stands, as the public may know it: `coming` is signed off and not yet
 * published; `open` takes bids; `closed` has passed its deadline and waits to be evaluated.
 */
export type TenderStage =
  | 'coming'
  | 'open'
  | 'closed'
  | 'evaluation'
  | 'award-decision'
  | 'standstill'
  | 'awarded'
  | 'unsuccessful'
  | 'cancelled';

export interface ViewTender {
  id: string;
  title: string;
  description: string;
  stage: TenderStage;
  procedure: string;
  /** Pence: the sum of its lots. */
  budget: number;
  contractMonths: number;
  lots: { id: string; title: string; value: number; scope: string }[];
  criteria: { title: string; kind: 'quality' | 'price'; weight: number }[];
  dates: TenderDates;
}

export interface TenderDates {
  publishedAt?: string;
  clarificationDeadline: string;
  submissionDeadline: string;
  awardDecision: string;
}

export interface Timetable {
  /** Rounds taking proposals (when grants are shown). */
  roundsOpen: { id: string; name: string; pool: string; openedAt: string }[];
  /** Rounds closed to proposals whose funders are deciding (when grants are shown). */
  roundsDeciding: { id: string; name: string; pool: string; closedAt?: string }[];
  /** Tenders taking bids, and tenders signed off and about to be published (when tenders are shown). */
  tendersOpen: { id: string; title: string; dates: TenderDates }[];
  tendersComing: { id: string; title: string; dates: TenderDates }[];
}

export interface RoundRate {
  id: string;
  name: string;
  pool: string;
  received: number;
  funded: number;
  /** Funded as a percentage of received, to one decimal place; null when none was received. */
  percentFunded: number | null;
  /** Pence asked for by every proposal, and given to the funded ones. */
  requested: number;
  awarded: number;
}

export interface TenderRate {
  id: string;
  title: string;
  /** Providers who registered interest or were invited; bids received; both only after the deadline. */
  interests: number;
  bids: number;
  lots: { title: string; bids: number; awarded: boolean }[];
  lotsAwarded: number;
}

export type RoundOutcome = 'funded' | 'approved' | 'rejected' | 'expired';

export interface RoundDecision {
  id: string;
  name: string;
  pool: string;
  outcome: RoundOutcome;
  decidedAt?: string;
  /** The funded proposals, with their recipients; unsuccessful ones are only counted. */
  funded: { title: string; recipient: string; amount: number }[];
  notFunded: number;
}

export interface LotDecision {
  title: string;
  outcome: 'awarded' | 'not-awarded' | 'pending';
  /** Only for an awarded lot: the winner and the contract's value (pence). */
  winner?: string;
  value?: number;
  awardedAt?: string;
  reason?: string;
}

export interface TenderDecision {
  id: string;
  title: string;
  outcome: 'awarded' | 'partly-decided' | 'unsuccessful' | 'cancelled';
  decidedAt?: string;
  reason?: string;
  lots: LotDecision[];
}

export interface ViewFeed {
  title: string;
  href: string;
  format: 'JSON' | 'CSV';
  standard: '360Giving' | 'OCDS';
  licence: LicenceRef;
}
