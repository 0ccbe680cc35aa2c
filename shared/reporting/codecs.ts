import * as z from 'zod/mini';
import { type Item, recordsOf } from '../platform/codec';
import { lazy } from '../platform/lazy';
import { keys } from './keys';
import type { Draft, Review, Submission } from './records';
import { type Report, reportStatuses } from './report';

/** The reporting feature's records: the only place their stored shapes are spelled (docs/ARCHITECTURE.md, "Record kinds"). */
const record = /* @__PURE__ */ recordsOf('reporting');

/** What a report is about: the same stored and served (the API's report view spreads it). */
export const reportSubject = lazy(() => ({
  id: z.string(),
  grantId: z.string(),
  poolId: z.string(),
  consortiumId: z.string(),
  recipientOrgId: z.string(),
  grantTitle: z.optional(z.string()),
}));

/**
 * A report period, with both its indexes: by grant and due date, by consortium and status. Created
 * with a grant's plan (grants' setPlan puts `reportRecord.toItem` in the plan's transaction); every
 * later change is a reporting use case.
 */
export const reportRecord = /* @__PURE__ */ record<Report>()('report', [keys.prefix.report, keys.sk.report], {
  schema: () =>
    z.object({
      ...reportSubject(),
      index: z.number(),
      label: z.string(),
      periodStart: z.string(),
      periodEnd: z.string(),
      dueDate: z.string(),
      templateId: z.enum(['light', 'full']),
      status: z.enum(reportStatuses),
      submissions: z.number(),
      reviews: z.number(),
      remindersSent: z.number(),
      linkGeneration: z.optional(z.number()),
      linksReplacedAt: z.optional(z.string()),
      version: z.number(),
    }),
  keys: (r) => ({
    ...keys.report(r.id),
    ...keys.byGrant(r.grantId, r.dueDate, r.id),
    ...keys.byStatus(r.consortiumId, r.status, r.dueDate, r.id),
  }),
});

export const submissionRecord = /* @__PURE__ */ record<Submission, [reportId: string]>()(
  'submission',
  [keys.prefix.report, keys.prefix.submission],
  {
    schema: () =>
      z.object({
        n: z.number(),
        measures: z.record(z.string(), z.number()),
        questions: z.record(z.string(), z.string()),
        submittedAt: z.string(),
        via: z.literal('link'),
      }),
    keys: (s, reportId) => keys.submission(reportId, s.n),
  },
);

export const reviewRecord = /* @__PURE__ */ record<Review, [reportId: string]>()('review', [keys.prefix.report, keys.prefix.review], {
  schema: () =>
    z.object({
      n: z.number(),
      decision: z.enum(['accept', 'request-changes']),
      comments: z.optional(z.string()),
      by: z.string(),
      at: z.string(),
    }),
  keys: (r, reportId) => keys.review(reportId, r.n),
});

export const draftRecord = /* @__PURE__ */ record<Draft, [reportId: string]>()('draft', [keys.prefix.report, keys.sk.draft], {
  schema: () => z.object({ measures: z.record(z.string(), z.string()), questions: z.record(z.string(), z.string()), savedAt: z.string() }),
  keys: (_d, reportId) => keys.draft(reportId),
});

/** A report with what its partition holds (one Query on `REPORT#<id>`), read by sort key; undefined without its report item. */
export function reportOf(items: Item[], reportId: string) {
  const at = (sk: string) => items.find((i) => i.sk === sk);
  const report = reportRecord.fromOptional(at(keys.report(reportId).sk));
  if (!report) return undefined;
  const under = (prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix));
  const draft = draftRecord.fromOptional(at(keys.draft(reportId).sk));
  return {
    report,
    submissions: under(keys.prefix.submission).map(submissionRecord.fromItem),
    reviews: under(keys.prefix.review).map(reviewRecord.fromItem),
    ...(draft ? { draft } : {}),
  };
}

/** Every record kind reporting owns (the ownership test reads their prefixes). */
export const records = [reportRecord, submissionRecord, reviewRecord, draftRecord];
