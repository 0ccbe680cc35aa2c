import { defineEvents, eventMaker, subjectOf } from '../platform/events';
import * as z from '../platform/zod';

/** What reporting writes, each with its payload: what its consumers may rely on. */
export const reportingEvents = /* @__PURE__ */ defineEvents('reporting', () => {
  const report = { reportId: z.string(), grantId: z.string() };
  const late = { writtenBy: 'workflow', data: z.strictObject(report) };
  return {
    'report.opened': { writtenBy: 'workflow step OpenPeriod', data: z.strictObject({ ...report, dueDate: z.string() }) },
    'report.submitted': { writtenBy: 'emailed link (POST)', data: z.strictObject({ ...report, submission: z.int() }) },
    'report.reviewed': {
      writtenBy: 'funder',
      data: z.strictObject({ reportId: z.string(), decision: z.enum(['accept', 'request-changes']) }),
    },
    'report.changes-requested': { writtenBy: 'workflow', data: z.strictObject({ reportId: z.string() }) },
    'report.accepted': { writtenBy: 'workflow', data: z.strictObject(report) },
    'report.overdue': late,
    'report.very-late': late,
    'report.not-submitted': late,
    'report.reminder-sent': {
      writtenBy: 'scheduled reminder',
      data: z.strictObject({ reportId: z.string(), offsetDays: z.int() }),
    },
    'report.link-replaced': {
      writtenBy: 'POST /reports/{id}/link (or the report page\'s "Send a new link")',
      data: z.strictObject({ ...report, linkGeneration: z.int() }),
    },
  };
});

export const makeEvent = /* @__PURE__ */ eventMaker(reportingEvents);

export const subject = (reportId: string) => subjectOf('report', reportId);
