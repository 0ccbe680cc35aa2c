/**
 * What the reporting routes answer: a zod schema of each view model the use cases return. The
 * API contract states these (`api.ts`) and each handler checks its body against the same
 * schema's type (`satisfies View<typeof …>`), so the document and the answer cannot drift apart.
 */
import { reportStatuses } from '../../shared/grants/report-schedule';
import { infrastructureFunctions, outcomePathways } from '../../shared/reporting/templates';
import { report } from '../grants/views';
import { isoTime } from '../lib/api';
import * as z from '../lib/zod';

const named = z.strictObject({ id: z.string(), name: z.string() });
const tags = z.array(z.enum([...infrastructureFunctions, ...outcomePathways]));
const decision = z.enum(['accept', 'request-changes']);

export const reportDetail = z.strictObject({
  report,
  submissions: z.array(
    z.strictObject({
      n: z.int(),
      measures: z.record(z.string(), z.number()),
      questions: z.record(z.string(), z.string()),
      submittedAt: isoTime,
      via: z.literal('link'),
    }),
  ),
  reviews: z.array(z.strictObject({ n: z.int(), decision, comments: z.optional(z.string()), by: z.string(), at: isoTime })),
  template: z.strictObject({
    id: z.string(),
    name: z.string(),
    measures: z.array(
      z.strictObject({
        id: z.string(),
        label: z.string(),
        type: z.enum(['number', 'currency', 'percentage']),
        unit: z.optional(z.string()),
        tags,
      }),
    ),
    questions: z.array(z.strictObject({ id: z.string(), text: z.string(), maxLength: z.int(), tags })),
  }),
  consortium: named,
  grant: z.strictObject({ id: z.string(), title: z.string() }),
  provider: named,
  canReview: z.boolean(),
  newLinkUntil: z.optional(isoTime),
});

export const reviewed = z.strictObject({ reportId: z.string(), decision, review: z.int() });

export const linkSent = z.strictObject({
  reportId: z.string(),
  sentTo: z.strictObject({ name: z.string(), email: z.string() }),
  validUntil: isoTime,
});

export const reportsByStatus = z.strictObject({
  consortiumId: z.string(),
  status: z.enum(reportStatuses),
  count: z.int(),
  reports: z.array(report),
});
