import type { DomainEvent } from '../domain/events';
import type { Condition, GrantStatus, Tranche } from '../domain/grant-plan';
import type { LinkRecord } from '../domain/link-token';
import type { Draft, Report, ReportStatus, Review, Submission } from '../domain/report';

export interface Amendment {
  id: string;
  kind: 'dates' | 'conditions' | 'status' | 'amount';
  changes: Record<string, unknown>;
  reason: string;
  by: string;
  at: string;
}

export interface GrantStore {
  /** Writes conditions, tranches and reports for a grant that has none yet, with the event. */
  setPlan(grantId: string, plan: { conditions: Condition[]; tranches: Tranche[]; reports: Report[] }, event: DomainEvent): Promise<void>;
  getPlan(grantId: string): Promise<{ conditions: Condition[]; tranches: Tranche[]; amendments: Amendment[] }>;
  listGrantReports(grantId: string): Promise<Report[]>;
  listReportsByStatus(consortiumId: string, status: ReportStatus): Promise<Report[]>;
  saveCondition(c: Condition, expectedVersion: number, event: DomainEvent): Promise<void>;
  markTrancheBlocked(grantId: string, seq: number, at: string): Promise<void>;
  saveGrantStatus(grantId: string, from: GrantStatus, to: GrantStatus, amendment: Amendment, event: DomainEvent): Promise<void>;
  amendDates(grantId: string, dates: { plannedStart: string; plannedEnd: string }, amendment: Amendment, event: DomainEvent): Promise<void>;
  addCondition(c: Condition, amendment: Amendment, event: DomainEvent): Promise<void>;

  getReport(reportId: string): Promise<{ report: Report; submissions: Submission[]; reviews: Review[]; draft?: Draft } | undefined>;
  /** Moves a report to a new status if it is in one of `from`; returns false when it was not. */
  setReportStatus(report: Report, from: ReportStatus[], to: ReportStatus, event: DomainEvent | undefined): Promise<boolean>;
  countReminder(reportId: string): Promise<void>;
  saveDraft(reportId: string, draft: Draft): Promise<void>;
  /**
   * Consumes the link and records the submission in one transaction; false (and nothing
   * written) if the link was already used or expired, or the report is not taking submissions.
   */
  submitViaLink(linkHash: string, report: Report, submission: Submission, now: string, event: DomainEvent): Promise<boolean>;
  submitEvidence(linkHash: string, c: Condition, now: string, event: DomainEvent): Promise<boolean>;
  addReview(report: Report, review: Review, event: DomainEvent): Promise<void>;

  putLink(link: LinkRecord): Promise<void>;
  getLink(hash: string): Promise<LinkRecord | undefined>;
}
