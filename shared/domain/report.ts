import type { ReportTemplate } from './reporting';

export type ReportStatus =
  | 'scheduled'
  | 'requested'
  | 'submitted'
  | 'changes-requested'
  | 'overdue'
  | 'very-late'
  | 'accepted'
  | 'not-submitted';

/** Statuses in which the provider may still submit through a link. */
export const awaitingSubmission: ReportStatus[] = ['requested', 'changes-requested', 'overdue', 'very-late'];

export interface Report {
  id: string;
  grantId: string;
  poolId: string;
  consortiumId: string;
  recipientOrgId: string;
  index: number;
  label: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  templateId: ReportTemplate['id'];
  status: ReportStatus;
  submissions: number;
  reviews: number;
  remindersSent: number;
  version: number;
}

export interface Submission {
  n: number;
  measures: Record<string, number>;
  questions: Record<string, string>;
  submittedAt: string;
  via: 'link';
}

export interface Review {
  n: number;
  decision: 'accept' | 'request-changes';
  comments?: string;
  by: string;
  at: string;
}

export interface Draft {
  measures: Record<string, string>;
  questions: Record<string, string>;
  savedAt: string;
}
