import type { ConsortiaStore } from '../consortia/store';
import type { DomainEvent } from '../platform/events';
import type { Mailer, PlatformStore, Scheduler, Workflows } from '../platform/ports';
import type { LedgerWrite, PoolStore } from '../pools/store';
import type { Condition, ConditionToDecide, GrantStatus, Tranche } from './grant-plan';
import type { Report, ReportingPolicy } from './report-schedule';

/** A change to an awarded grant: what changed, as [before, after] (a condition: the one added; an amount: the tranches it cut too). */
export type Amendment = { id: string; reason: string; by: string; at: string } & (
  | { kind: 'dates'; changes: { plannedStart: string[]; plannedEnd: string[] } }
  | { kind: 'conditions'; changes: { added: string; description: string } }
  | { kind: 'status'; changes: { status: GrantStatus[] } }
  | { kind: 'amount'; changes: { amount: number[]; tranches: { seq: number; amount: number; status: 'scheduled' | 'cancelled' }[] } }
);

export class TrancheReleasedError extends Error {
  constructor(
    readonly grantId: string,
    readonly seq: number,
  ) {
    super(`tranche ${seq} of grant ${grantId} was already released`);
    this.name = 'TrancheReleasedError';
  }
}

/** What follows an award: the plan (conditions, tranches, reports owed), amendments, and the consortium's reporting policy. */
export interface GrantStore {
  /** Writes conditions, tranches and reports for a grant that has none yet, with the event. */
  setPlan(grantId: string, plan: { conditions: Condition[]; tranches: Tranche[]; reports: Report[] }, event: DomainEvent): Promise<void>;
  getPlan(grantId: string): Promise<{ conditions: Condition[]; tranches: Tranche[]; amendments: Amendment[] }>;
  listGrantReports(grantId: string): Promise<Report[]>;
  /** Saves a changed condition under its version; it no longer waits for a decision (its ConditionToDecide goes). */
  saveCondition(c: Condition, expectedVersion: number, event: DomainEvent): Promise<void>;
  markTrancheBlocked(grantId: string, seq: number, at: string): Promise<void>;
  saveGrantStatus(grantId: string, from: GrantStatus, to: GrantStatus, amendment: Amendment, event: DomainEvent): Promise<void>;
  amendDates(grantId: string, dates: { plannedStart: string; plannedEnd: string }, amendment: Amendment, event: DomainEvent): Promise<void>;
  addCondition(c: Condition, amendment: Amendment, event: DomainEvent): Promise<void>;
  /**
   * Consumes the link and records the evidence in one transaction, with the condition listed as
   * waiting for the lead's decision (`toDecide`); false (nothing written) if either is refused.
   */
  submitEvidence(linkHash: string, c: Condition, toDecide: ConditionToDecide, now: string, event: DomainEvent): Promise<boolean>;
  /** A consortium's conditions whose evidence waits for a decision, oldest evidence first: one Query. */
  listConditionsToDecide(consortiumId: string): Promise<ConditionToDecide[]>;
  /** Pays a tranche: the ledger write and the tranche's move to released, together. Throws TrancheReleasedError if it was already. */
  releaseTranche(write: LedgerWrite, tranche: { grantId: string; seq: number }): Promise<void>;
  /** A new amount: the ledger write, the unpaid tranches carrying the change and the amendment, together. */
  amendAmount(
    write: LedgerWrite,
    change: { grantId: string; tranches: { seq: number; amount: number; status: 'scheduled' | 'cancelled' }[]; amendment: Amendment },
  ): Promise<void>;
  saveReportingPolicy(consortiumId: string, policy: ReportingPolicy, expectedVersion: number, event: DomainEvent): Promise<void>;
}

/** Everything the grants use cases may use; each use case takes only what it picks. */
export interface GrantsDeps {
  platform: PlatformStore;
  consortia: ConsortiaStore;
  pools: PoolStore;
  grants: GrantStore;
  clock: { now(): Date };
  mailer: Mailer;
  workflows: Workflows;
  scheduler: Scheduler;
}
