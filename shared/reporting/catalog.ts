import { defineSlice, functionsIn, mailing, read, readWrite, workflow } from '../platform/catalog';
import { reportingEventNotes, reportingEvents } from './events';

const { api, open, task, onEvent, scheduled, pages } = functionsIn('reporting');

const reportingCycle = workflow('reporting-cycle', 'workflows/reporting-cycle.asl.json', {
  openReport: task('open-report', 'open a report period and email the link', mailing),
  awaitReportSubmission: task('await-report-submission', 'store the token a submission resumes', [...readWrite, 'task-callback']),
  markReport: task('mark-report', 'overdue, very late, not submitted', mailing),
  awaitReportReview: task('await-report-review', 'store the review token, ask the funder (or resume at once if already reviewed)', [
    ...readWrite,
    'mail',
    'task-callback',
  ]),
  requestReportChanges: task('request-report-changes', 'a new link with the changes asked for', mailing),
  acceptReport: task('accept-report', 'accept, thank the provider, wake the grant workflow', [...readWrite, 'mail', 'task-callback']),
});

export const reportingSlice = defineSlice({
  feature: 'reporting',
  summary: 'Reporting cycles: requests and reminders by email, answers through emailed links (no account), review, escalation.',
  functions: {
    getReport: api('get-report', 'GET /reports/{reportId}', read),
    reviewReport: api('review-report', 'POST /reports/{reportId}/review', [...readWrite, 'task-callback']),
    sendReportLink: api(
      'send-report-link',
      'POST /reports/{reportId}/link: a new link for the provider (the follower emails it)',
      readWrite,
    ),
    listReports: api('list-reports', 'GET /consortia/{consortiumId}/reports', read),
    viewLink: open('view-link', 'GET /r/{token}: the form behind an emailed link', read),
    submitLink: open('submit-link', 'POST /r/{token}: draft or submit through an emailed link', [...readWrite, 'task-callback']),
    reportingPages: pages(
      'pages',
      'Pages: a report (answers, reviews, the review form); every report of a consortium (filters, CSV)',
      ['GET POST /app/reports/{reportId}', 'GET /app/consortia/{consortiumId}/reports'],
      'task-callback',
    ),
    scheduleReportPeriods: onEvent('schedule-report-periods', 'grant.plan-set → a schedule to open each report period', [
      'table-read',
      { schedules: 'openReportPeriod' },
    ]),
    scheduleReportReminders: onEvent('schedule-report-reminders', 'report.opened → one-time reminder schedules', [
      'table-read',
      { schedules: 'sendReportReminder' },
    ]),
    // table-write: the send-once marker and the link itself.
    sendReplacedReportLink: onEvent('send-replaced-report-link', 'report.link-replaced → email the provider the new report link', [
      ...readWrite,
      'mail',
    ]),
    openReportPeriod: scheduled('start-report-cycle', 'start the reporting cycle of a period', [{ startWorkflow: 'reporting-cycle' }]),
    sendReportReminder: scheduled('send-report-reminder', 'remind a provider', mailing),
    ...reportingCycle.tasks,
  },
  workflows: [reportingCycle.spec],
  events: reportingEvents,
  eventNotes: reportingEventNotes,
  linkKinds: ['report'],
});
