import type { Report } from '../../../shared/grants/report-schedule';
import { conflict } from '../../../shared/platform/errors';
import { keys } from '../../../shared/reporting/keys';
import type { Draft, Review, Submission } from '../../../shared/reporting/records';
import type { ReportStore } from '../../../shared/reporting/store';
import { consumeLinkOp, takeWaitingOp } from './platform';
import { eventOp, type Item, type MemoryTable, mustNotExist, refuse, strip } from './table';

const awaiting = ['requested', 'changes-requested', 'overdue', 'very-late'];

/** Reports' progress on the in-memory table (fast tests); same keys, same conditions as shared/reporting/dynamodb-store.ts. */
export function memoryReports(table: MemoryTable): ReportStore {
  const moveTo = (report: Report, to: string) => (cur: Item | undefined) => ({
    ...cur,
    status: to,
    gsi2pk: keys.reportIndex(report.grantId, report.consortiumId, to, report.dueDate, report.id).gsi2pk,
    version: ((cur?.version as number) ?? 0) + 1,
  });
  return {
    async getReport(reportId) {
      const header = strip<Report>(table.get(keys.report(reportId)));
      if (!header) return undefined;
      const of = <T>(prefix: string) => table.query(keys.report(reportId).pk, prefix).map((i) => strip<T>(i) as T);
      const draft = strip<Draft>(table.get(keys.draft(reportId)));
      return {
        report: header,
        submissions: of<Submission>(keys.prefix.submission),
        reviews: of<Review>(keys.prefix.review),
        ...(draft ? { draft } : {}),
      };
    },
    async listReportsByStatus(consortiumId, status) {
      return table.query(keys.byStatus(consortiumId, status), '', 'gsi2').map((i) => strip<Report>(i) as Report);
    },
    async setReportStatus(report, from, to, event) {
      return table.attempt([
        {
          key: keys.report(report.id),
          check: (cur) => (from.includes(cur?.status as never) ? undefined : refuse()),
          write: moveTo(report, to),
        },
        ...(event ? [eventOp(event)] : []),
      ]);
    },
    async countReminder(reportId) {
      table.transact([
        { key: keys.report(reportId), write: (cur) => ({ ...cur, remindersSent: ((cur?.remindersSent as number) ?? 0) + 1 }) },
      ]);
    },
    async saveDraft(reportId, draft) {
      table.put(keys.draft(reportId), { entity: 'draft', ...draft });
    },
    async submitViaLink(linkHash, report, submission, now, event, waiting) {
      const submitted = moveTo(report, 'submitted');
      return table.attempt([
        consumeLinkOp(linkHash, now),
        {
          key: keys.report(report.id),
          check: (cur) => (awaiting.includes(String(cur?.status)) && cur?.submissions === submission.n - 1 ? undefined : refuse()),
          write: (cur) => ({ ...submitted(cur), submissions: submission.n }),
        },
        { key: keys.submission(report.id, submission.n), check: mustNotExist(), write: () => ({ entity: 'submission', ...submission }) },
        { key: keys.draft(report.id), write: () => undefined },
        eventOp(event),
        ...(waiting ? [takeWaitingOp(waiting)] : []),
      ]);
    },
    async replaceLinks(report, generation, at, event) {
      return table.attempt([
        {
          key: keys.report(report.id),
          check: (cur) => (awaiting.includes(String(cur?.status)) && cur?.version === report.version ? undefined : refuse()),
          write: (cur) => ({ ...cur, linkGeneration: generation, linksReplacedAt: at, version: (cur?.version as number) + 1 }),
        },
        eventOp(event),
      ]);
    },
    async addReview(report, review, event) {
      table.transact([
        {
          key: keys.report(report.id),
          check: (cur) =>
            cur?.status === 'submitted' && cur?.reviews === review.n - 1 && cur?.submissions === review.n
              ? undefined
              : conflict(`report ${report.id} is not waiting for a review (it may already have been reviewed)`, { rule: 'review-once' }),
          write: (cur) => ({ ...cur, reviews: review.n }),
        },
        { key: keys.review(report.id, review.n), write: () => ({ entity: 'review', ...review }) },
        eventOp(event),
      ]);
    },
  };
}
