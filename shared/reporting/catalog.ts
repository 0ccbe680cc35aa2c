import { defineSlice } from '../platform/catalog';
import { reportingEventNotes, reportingEvents } from './events';

const readWrite = ['table-read', 'table-write'] as const;
const fn = (name: string) => `functions/reporting/${name}.ts`;

export const reportingSlice = defineSlice({
  feature: 'reporting',
  summary: 'Reporting cycles: requests and reminders by email, answers through emailed links (no account), review, escalation.',
  functions: {
    getReport: { entry: fn('get-report'), description: 'GET /reports/{reportId}', needs: ['table-read'] },
    reviewReport: { entry: fn('review-report'), description: 'POST /reports/{reportId}/review', needs: [...readWrite, 'task-callback'] },
    sendReportLink: {
      entry: fn('send-report-link'),
      description: 'POST /reports/{reportId}/link: a new link for the provider (the follower emails it)',
      needs: readWrite,
    },
    sendReplacedReportLink: {
      entry: fn('send-replaced-report-link'),
      description: 'report.link-replaced → email the provider the new report link',
      // table-write: the send-once marker and the link itself.
      needs: [...readWrite, 'mail'],
      async: true,
    },
    listReports: { entry: fn('list-reports'), description: 'GET /consortia/{consortiumId}/reports', needs: ['table-read'] },
    viewLink: { entry: fn('view-link'), description: 'GET /r/{token}: the form behind an emailed link', needs: ['table-read'] },
    submitLink: {
      entry: fn('submit-link'),
      description: 'POST /r/{token}: draft or submit through an emailed link',
      needs: [...readWrite, 'task-callback'],
    },
    reportingPages: {
      entry: fn('pages'),
      description: 'Pages: a report (answers, reviews, the review form); every report of a consortium (filters, CSV)',
      needs: [...readWrite, 'web', 'task-callback'],
    },
    scheduleReportPeriods: {
      entry: fn('schedule-report-periods'),
      description: 'grant.plan-set → a schedule to open each report period',
      needs: ['table-read', { schedules: 'openReportPeriod' }],
      async: true,
    },
    scheduleReportReminders: {
      entry: fn('schedule-report-reminders'),
      description: 'report.opened → one-time reminder schedules',
      needs: ['table-read', { schedules: 'sendReportReminder' }],
      async: true,
    },
    openReportPeriod: {
      entry: fn('start-report-cycle'),
      description: 'Scheduled: start the reporting cycle of a period',
      needs: [{ startWorkflow: 'reporting-cycle' }],
      async: true,
    },
    sendReportReminder: {
      entry: fn('send-report-reminder'),
      description: 'Scheduled: remind a provider',
      needs: [...readWrite, 'mail'],
      async: true,
    },
    openReport: {
      entry: fn('open-report'),
      description: 'Workflow task: open a report period and email the link',
      needs: [...readWrite, 'mail'],
    },
    awaitReportSubmission: {
      entry: fn('await-report-submission'),
      description: 'Workflow task: store the token a submission resumes',
      needs: [...readWrite, 'task-callback'],
    },
    markReport: {
      entry: fn('mark-report'),
      description: 'Workflow task: overdue, very late, not submitted',
      needs: [...readWrite, 'mail'],
    },
    awaitReportReview: {
      entry: fn('await-report-review'),
      description: 'Workflow task: store the review token, ask the funder (or resume at once if already reviewed)',
      needs: [...readWrite, 'mail', 'task-callback'],
    },
    requestReportChanges: {
      entry: fn('request-report-changes'),
      description: 'Workflow task: a new link with the changes asked for',
      needs: [...readWrite, 'mail'],
    },
    acceptReport: {
      entry: fn('accept-report'),
      description: 'Workflow task: accept, thank the provider, wake the grant workflow',
      needs: [...readWrite, 'mail', 'task-callback'],
    },
  },
  routes: [
    { method: 'GET', path: '/reports/{reportId}', fn: 'getReport', auth: 'staff' },
    { method: 'POST', path: '/reports/{reportId}/review', fn: 'reviewReport', auth: 'staff' },
    { method: 'POST', path: '/reports/{reportId}/link', fn: 'sendReportLink', auth: 'staff' },
    { method: 'GET', path: '/consortia/{consortiumId}/reports', fn: 'listReports', auth: 'staff' },
    { method: 'GET', path: '/r/{token}', fn: 'viewLink', auth: 'public' },
    { method: 'POST', path: '/r/{token}', fn: 'submitLink', auth: 'public' },
    { method: 'GET', path: '/app/reports/{reportId}', fn: 'reportingPages', auth: 'page' },
    { method: 'POST', path: '/app/reports/{reportId}', fn: 'reportingPages', auth: 'page' },
    { method: 'GET', path: '/app/consortia/{consortiumId}/reports', fn: 'reportingPages', auth: 'page' },
  ],
  rules: [
    { id: 'ScheduleReportPeriods', detailTypes: ['grant.plan-set'], fn: 'scheduleReportPeriods' },
    { id: 'ScheduleReportReminders', detailTypes: ['report.opened'], fn: 'scheduleReportReminders' },
    { id: 'SendReplacedReportLink', detailTypes: ['report.link-replaced'], fn: 'sendReplacedReportLink' },
  ],
  workflows: [
    {
      id: 'reporting-cycle',
      file: 'workflows/reporting-cycle.asl.json',
      substitutions: {
        OpenReportFunctionArn: 'openReport',
        AwaitReportSubmissionFunctionArn: 'awaitReportSubmission',
        MarkReportFunctionArn: 'markReport',
        AwaitReportReviewFunctionArn: 'awaitReportReview',
        RequestReportChangesFunctionArn: 'requestReportChanges',
        AcceptReportFunctionArn: 'acceptReport',
      },
    },
  ],
  events: reportingEvents,
  eventNotes: reportingEventNotes,
  linkKinds: ['report'],
});
