import { defineEvents, eventMaker, eventNotes, subjectOf } from '../platform/events';
import * as z from '../platform/zod';

/** What reporting writes, each with its payload: what its consumers may rely on. */
export const reportingEvents = /* @__PURE__ */ defineEvents('reporting', () => {
  const report = { reportId: z.string(), grantId: z.string() };
  const late = z.strictObject(report);
  return {
    'report.opened': z.strictObject({ ...report, dueDate: z.string() }),
    'report.submitted': z.strictObject({ ...report, submission: z.int() }),
    'report.reviewed': z.strictObject({ reportId: z.string(), decision: z.enum(['accept', 'request-changes']) }),
    'report.changes-requested': z.strictObject({ reportId: z.string() }),
    'report.accepted': z.strictObject(report),
    'report.overdue': late,
    'report.very-late': late,
    'report.not-submitted': late,
    'report.reminder-sent': z.strictObject({ reportId: z.string(), offsetDays: z.int() }),
    'report.link-replaced': z.strictObject({ ...report, linkGeneration: z.int() }),
  };
});

/**
 * Who writes each type, and what a field means beyond its type: for the event catalogue in
 * docs/ARCHITECTURE.md only (through the catalog slice), so no Lambda bundle carries the prose.
 */
export const reportingEventNotes = /* @__PURE__ */ eventNotes<typeof reportingEvents>()(
  {
    'report.opened': { writtenBy: 'workflow step OpenPeriod' },
    'report.submitted': { writtenBy: 'emailed link (POST)' },
    'report.reviewed': { writtenBy: 'funder' },
    'report.reminder-sent': { writtenBy: 'scheduled reminder' },
    'report.link-replaced': { writtenBy: 'POST /reports/{id}/link (or the report page\'s "Send a new link")' },
  },
  { workflow: ['report.changes-requested', 'report.accepted', 'report.overdue', 'report.very-late', 'report.not-submitted'] },
);

export const makeEvent = /* @__PURE__ */ eventMaker(reportingEvents);

export const subject = (reportId: string) => subjectOf('report', reportId);
