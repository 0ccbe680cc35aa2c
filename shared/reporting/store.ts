import type { ConsortiaStore } from '../consortia/store';
import type { GrantStore } from '../grants/store';
import type { DomainEvent } from '../platform/events';
import type { Mailer, PlatformStore, Scheduler, WaitingTask, Workflows } from '../platform/ports';
import type { PoolStore } from '../pools/store';
import type { Draft, Review, Submission } from './records';
import type { Report, ReportStatus } from './report';

/** A report period's progress: its status, what was sent, what the funder decided. */
export interface ReportStore {
  getReport(reportId: string): Promise<{ report: Report; submissions: Submission[]; reviews: Review[]; draft?: Draft } | undefined>;
  listReportsByStatus(consortiumId: string, status: ReportStatus): Promise<Report[]>;
  /** Moves a report to a new status if it is in one of `from`; returns false when it was not. */
  setReportStatus(report: Report, from: ReportStatus[], to: ReportStatus, event: DomainEvent | undefined): Promise<boolean>;
  countReminder(reportId: string): Promise<void>;
  saveDraft(reportId: string, draft: Draft): Promise<void>;
  /**
   * Consumes the link and records the submission in one transaction; false (and nothing
   * written) if the link was already used or expired, or the report is not taking submissions.
   * With `waiting`, the workflow's parked token is taken in the same transaction, and nothing is
   * written either if it is no longer that token.
   */
  submitViaLink(
    linkHash: string,
    report: Report,
    submission: Submission,
    now: string,
    event: DomainEvent,
    waiting?: WaitingTask,
  ): Promise<boolean>;
  addReview(report: Report, review: Review, event: DomainEvent): Promise<void>;
  /**
   * Staff sent a new link: the report's link generation and when, with the event, if the report
   * is unchanged since read (`version`) and still waiting for a submission; false otherwise.
   */
  replaceLinks(report: Report, generation: number, at: string, event: DomainEvent): Promise<boolean>;
}

/** Everything the reporting use cases may use; each use case takes only what it picks. */
export interface ReportingDeps {
  platform: PlatformStore;
  consortia: ConsortiaStore;
  pools: PoolStore;
  grants: GrantStore;
  reports: ReportStore;
  clock: { now(): Date };
  mailer: Mailer;
  workflows: Workflows;
  scheduler: Scheduler;
}
