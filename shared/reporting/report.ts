/**
 * A report period a grant owes. The reporting feature owns the record (type, keys, codec):
 * grants schedules the periods with the plan (setPlan writes them with `reportRecord`), and
 * reporting collects, reviews and moves them on.
 */
export type ReportTemplateId = 'light' | 'full';

export const reportStatuses = [
  'scheduled',
  'requested',
  'submitted',
  'changes-requested',
  'overdue',
  'very-late',
  'accepted',
  'not-submitted',
] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** Statuses in which the provider may still submit through a link. */
export const awaitingSubmission: ReportStatus[] = ['requested', 'changes-requested', 'overdue', 'very-late'];

export interface Report {
  id: string;
  grantId: string;
  poolId: string;
  consortiumId: string;
  recipientOrgId: string;
  /** The grant's title, so a list of reports across grants ("what needs me") can say which grant without reading each one. */
  grantTitle?: string | undefined;
  index: number;
  label: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  templateId: ReportTemplateId;
  status: ReportStatus;
  submissions: number;
  reviews: number;
  remindersSent: number;
  /** Raised each time staff send a new link: a link of an earlier generation answers "replaced". */
  linkGeneration?: number | undefined;
  linksReplacedAt?: string | undefined;
  version: number;
}
