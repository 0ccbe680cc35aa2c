import { eventMaker, subjectOf } from '../platform/events';

export const reportingEvents = [
  'report.opened',
  'report.submitted',
  'report.reviewed',
  'report.changes-requested',
  'report.accepted',
  'report.overdue',
  'report.very-late',
  'report.not-submitted',
  'report.reminder-sent',
  'report.link-replaced',
] as const;

export const makeEvent = eventMaker(reportingEvents);

export const subject = (reportId: string) => subjectOf('report', reportId);
