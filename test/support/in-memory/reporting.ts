import { conflict } from '../../../shared/platform/errors';
import { draftRecord, reportOf, reportRecord, reviewRecord, submissionRecord } from '../../../shared/reporting/codecs';
import { keys } from '../../../shared/reporting/keys';
import { awaitingSubmission, type ReportStatus } from '../../../shared/reporting/report';
import type { ReportStore } from '../../../shared/reporting/store';
import { consumeLinkOp, takeWaitingOp } from './platform';
import { change, eventOp, holds, type MemoryTable, newOp, putOp } from './table';

/** Reports' progress on the in-memory table (fast tests); same codecs, keys and conditions as shared/reporting/dynamodb-store.ts. */
export function memoryReports(table: MemoryTable): ReportStore {
  const moveTo = (to: ReportStatus) => change(reportRecord, (r) => ({ ...r, status: to, version: r.version + 1 }));
  return {
    async getReport(reportId) {
      return reportOf(table.query(keys.report(reportId).pk), reportId);
    },
    listReportsByStatus: async (consortiumId, status) => table.list(reportRecord, keys.statusPartition(consortiumId, status), '', 'gsi2'),
    async setReportStatus(report, from, to, event) {
      return table.attempt([
        { key: keys.report(report.id), check: holds(reportRecord, (r) => from.includes(r.status)), write: moveTo(to) },
        ...(event ? [eventOp(event)] : []),
      ]);
    },
    async countReminder(reportId) {
      table.transact([{ key: keys.report(reportId), write: change(reportRecord, (r) => ({ ...r, remindersSent: r.remindersSent + 1 })) }]);
    },
    async saveDraft(reportId, draft) {
      table.put(keys.draft(reportId), draftRecord.toItem(draft, reportId));
    },
    async submitViaLink(linkHash, report, submission, now, event, waiting) {
      const submitted = moveTo('submitted');
      return table.attempt([
        consumeLinkOp(linkHash, now),
        {
          key: keys.report(report.id),
          check: holds(reportRecord, (r) => awaitingSubmission.includes(r.status) && r.submissions === submission.n - 1),
          write: (cur) => change(reportRecord, (r) => ({ ...r, submissions: submission.n }))(submitted(cur)),
        },
        newOp(submissionRecord.toItem(submission, report.id)),
        { key: keys.draft(report.id), write: () => undefined },
        eventOp(event),
        ...(waiting ? [takeWaitingOp(waiting)] : []),
      ]);
    },
    async replaceLinks(report, generation, at, event) {
      return table.attempt([
        {
          key: keys.report(report.id),
          check: holds(reportRecord, (r) => awaitingSubmission.includes(r.status) && r.version === report.version),
          write: change(reportRecord, (r) => ({ ...r, linkGeneration: generation, linksReplacedAt: at, version: r.version + 1 })),
        },
        eventOp(event),
      ]);
    },
    async addReview(report, review, event) {
      table.transact([
        {
          key: keys.report(report.id),
          check: holds(
            reportRecord,
            (r) => r.status === 'submitted' && r.reviews === review.n - 1 && r.submissions === review.n,
            () => conflict(`report ${report.id} is not waiting for a review (it may already have been reviewed)`, { rule: 'review-once' }),
          ),
          write: change(reportRecord, (r) => ({ ...r, reviews: review.n })),
        },
        putOp(reviewRecord.toItem(review, report.id)),
        eventOp(event),
      ]);
    },
  };
}
