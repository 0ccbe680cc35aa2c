import { keys as grantsKeys } from '../grants/keys';
import { gsi1, gsi2, key, ordered } from '../platform/keys';

const reportPk = (reportId: string) => `REPORT#${reportId}`;
/** The sort keys of a report's own item and of its draft. */
const sk = { report: 'REPORT', draft: 'DRAFT' } as const;
/** The gsi2 partition of a consortium's reports in one status. */
const byStatus = (consortiumId: string, status: string) => `REPORTS#${consortiumId}#${status}`;

/**
 * Keys of report periods and what each collects under its report item (docs/ARCHITECTURE.md,
 * "Access patterns"): the only place `REPORT`, `DRAFT` and the rest are spelled.
 */
export const keys = {
  report: (reportId: string) => key(reportPk(reportId), sk.report),
  /** A grant's reports by due date (gsi1, in the grant's partition of the index). */
  byGrant: (grantId: string, dueDate: string, reportId: string) => gsi1(grantsKeys.grant(grantId).pk, `REPORT#${dueDate}#${reportId}`),
  /** The gsi1 partition of a grant's reports. */
  grantPartition: (grantId: string) => grantsKeys.grant(grantId).pk,
  /** …and a consortium's reports by status, then due date (gsi2): the status moves in the same update as the key. */
  byStatus: (consortiumId: string, status: string, dueDate: string, reportId: string) =>
    gsi2(byStatus(consortiumId, status), `${dueDate}#${reportId}`),
  /** The gsi2 partition of a consortium's reports in one status. */
  statusPartition: byStatus,
  submission: (reportId: string, n: number) => key(reportPk(reportId), `SUBMISSION#${ordered(n, 3)}`),
  review: (reportId: string, n: number) => key(reportPk(reportId), `REVIEW#${ordered(n, 3)}`),
  draft: (reportId: string) => key(reportPk(reportId), sk.draft),
  sk,
  prefix: { report: 'REPORT#', submission: 'SUBMISSION#', review: 'REVIEW#' },
} as const;
