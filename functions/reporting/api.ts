import { reportStatuses } from '../../shared/grants/report-schedule';
import { reportSorts } from '../../shared/reporting/report-table';
import { defineApi, idsPath, tokenPath } from '../lib/api';
import { date } from '../lib/schemas';
import * as z from '../lib/zod';
import { consortiumIdPath, reportIdPath, reportReview, reportStatusQuery } from './schemas';
import * as views from './views';

export const reportingApi = defineApi({
  'GET /reports/{reportId}': {
    summary: 'A report with its answers and reviews.',
    path: reportIdPath,
    response: views.reportDetail,
  },
  'POST /reports/{reportId}/review': {
    summary: 'Accepts a submitted report, or asks for changes by a new link (the lead).',
    status: 202,
    path: reportIdPath,
    body: reportReview,
    response: views.reviewed,
  },
  'POST /reports/{reportId}/link': {
    summary:
      "Emails the provider a new link for a report still waiting to be sent, until its time to send ends (60 days after it was due); every earlier link answers 410 'replaced', a saved draft is kept (the lead's officers).",
    status: 201,
    path: reportIdPath,
    response: views.linkSent,
  },
  'GET /consortia/{consortiumId}/reports': {
    summary: "The consortium's reports in one status.",
    path: consortiumIdPath,
    query: reportStatusQuery,
    response: views.reportsByStatus,
  },
  'GET /r/{token}': { summary: 'The report form behind an emailed link (no account).', path: tokenPath, produces: 'html' },
  'POST /r/{token}': {
    summary: 'Submits the report form behind an emailed link.',
    path: tokenPath,
    produces: 'html',
    form: "The report template's questions, by name.",
  },
  'GET /app/reports/{reportId}': { summary: 'A report page with its review form.', path: idsPath('reportId') },
  'POST /app/reports/{reportId}': {
    summary: "The report page's review form.",
    status: 303,
    path: idsPath('reportId'),
    form: '`csrf`, `decision` (accept, request-changes) and `comments`.',
  },
  'GET /app/consortia/{consortiumId}/reports': {
    summary: 'Every report of the consortium in one filterable table (CSV with ?format=csv); a filter it cannot read is named on the page.',
    path: idsPath('consortiumId'),
    query: z.object({
      status: z.optional(z.enum(reportStatuses)),
      from: z.optional(date),
      to: z.optional(date),
      grant: z.optional(z.string()),
      provider: z.optional(z.string()),
      sort: z.optional(z.enum(reportSorts)),
      order: z.optional(z.enum(['asc', 'desc'])),
      format: z.optional(z.literal('csv')),
    }),
    downloads: { 'text/csv': { when: '?format=csv' } },
  },
});
