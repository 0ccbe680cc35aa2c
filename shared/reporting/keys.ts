import { keys as grantsKeys } from '../grants/keys';

/** Keys of what a report period collects under its report item (docs/ARCHITECTURE.md, "Access patterns"). */
export const keys = {
  report: grantsKeys.report,
  reportIndex: grantsKeys.reportIndex,
  submission: (reportId: string, n: number) => ({
    pk: grantsKeys.report(reportId).pk,
    sk: `SUBMISSION#${String(n).padStart(3, '0')}`,
  }),
  review: (reportId: string, n: number) => ({
    pk: grantsKeys.report(reportId).pk,
    sk: `REVIEW#${String(n).padStart(3, '0')}`,
  }),
  draft: (reportId: string) => ({
    pk: grantsKeys.report(reportId).pk,
    sk: 'DRAFT',
  }),
  /** A consortium's reports in one status, by due date. */
  byStatus: (consortiumId: string, status: string) => grantsKeys.reportIndex('', consortiumId, status, '', '').gsi2pk,
  prefix: { submission: 'SUBMISSION#', review: 'REVIEW#' },
} as const;
