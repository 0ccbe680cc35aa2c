import type { ConsortiaStore } from '../consortia/store';
import { DomainError } from '../platform/errors';
import type { DomainEvent } from '../platform/events';
import type { Mailer, PlatformStore, Workflows } from '../platform/ports';
import type { LedgerWrite, PoolStore } from '../pools/store';
import type { Tender } from './tender';

/** A provider that registered interest in a tender (or was invited): no account, an email address. */
export interface Interest {
  id: string;
  tenderId: string;
  orgName: string;
  email: string;
  /** An org-id identifier (e.g. GB-CHC-1234567), used to find or create the organisation if it wins. */
  identifier?: string;
  registeredAt: string;
  invited: boolean;
}

export interface Question {
  id: string;
  tenderId: string;
  /** Kept to tell the asker it was answered; never shown to anyone else. */
  interestId: string;
  question: string;
  askedAt: string;
  answer?: string;
  answeredAt?: string;
  answeredBy?: string;
}

export interface LotBid {
  lotId: string;
  /** criterion id → the provider's answer */
  answers: Record<string, string>;
  /** pence */
  price: number;
  documents: { title: string; url: string }[];
}

export interface Bid {
  tenderId: string;
  interestId: string;
  lots: LotBid[];
  submittedAt: string;
  /** 1 for the first submission; each replacement before the deadline adds one. */
  revision: number;
}

/** A conflict (409) with its rule, so every route answers the same way before the deadline. */
export class SealedBidsError extends DomainError {
  constructor(readonly tenderId: string) {
    super('conflict', `the bids of tender ${tenderId} are sealed until its submission deadline`, [], { rule: 'bids-sealed' });
  }
}

/** Tenders and what providers send them. */
export interface TenderStore {
  createTender(tender: Tender, event: DomainEvent): Promise<void>;
  getTender(tenderId: string): Promise<Tender | undefined>;
  listTenders(consortiumId: string): Promise<Tender[]>;
  /** Saves a changed tender if nobody changed it since `expectedVersion`; otherwise a conflict. */
  saveTender(tender: Tender, expectedVersion: number, event: DomainEvent): Promise<void>;

  addInterest(interest: Interest, event: DomainEvent): Promise<void>;
  getInterest(tenderId: string, interestId: string): Promise<Interest | undefined>;
  listInterests(tenderId: string): Promise<Interest[]>;

  /** Records a question, consuming the link it came through; false if the link was spent meanwhile. */
  addQuestion(question: Question, linkHash: string, now: string, event: DomainEvent): Promise<boolean>;
  answerQuestion(question: Question, event: DomainEvent): Promise<void>;
  listQuestions(tenderId: string): Promise<Question[]>;

  /**
   * Records (or replaces) a provider's bid, consuming the link, only while the tender is
   * published and its submission deadline is in the future: the table checks both, so a bid
   * racing the deadline is refused (false), never half-written.
   */
  submitBid(bid: Bid, linkHash: string, now: string, event: DomainEvent): Promise<boolean>;
  /** The provider's own bid, for its form. */
  getBid(tenderId: string, interestId: string): Promise<Bid | undefined>;
  /** Every bid, only once the deadline has passed; before it, SealedBidsError. */
  listBids(tender: Tender, now: Date): Promise<Bid[]>;
}

/** A tender's change with a pool ledger write in one transaction (reserve, award a lot, hand back): apart, so reads bundle no ledger code. */
export interface TenderLedger {
  /** `event` is the tender's own, when the ledger's event is another's (a lot's `grant.awarded`); StaleWriteError if either version moved. */
  saveTenderWithLedger(tender: Tender, expectedVersion: number, write: LedgerWrite, event?: DomainEvent): Promise<void>;
}

export interface TendersDeps {
  platform: PlatformStore;
  consortia: ConsortiaStore;
  pools: PoolStore;
  tenders: TenderStore;
  tenderLedger: TenderLedger;
  clock: { now(): Date };
  mailer: Mailer;
  workflows: Workflows;
}
