import { defineApi, idsPath } from '../lib/api';
import * as z from '../lib/zod';

export const overviewApi = defineApi({
  'GET /app': { summary: 'What needs me: reports to review, overdue reports, votes, conditions, consortia to confirm.' },
  'GET /app/consortia/{consortiumId}': {
    summary: 'The consortium: members, pools, rounds, grants, policy.',
    path: idsPath('consortiumId'),
  },
  'POST /app/consortia/{consortiumId}': {
    summary: "The consortium page's forms: confirm it, or set the reporting policy.",
    status: 303,
    path: idsPath('consortiumId'),
    form: '`csrf`, `action` (confirm or policy) and, for the policy, `threshold` (pounds), the tiers and the day counts.',
  },
  'GET /app/consortia/{consortiumId}/evidence': {
    summary: 'Evidence by the five functions of local infrastructure and its three outcome pathways (CSV with ?format=csv).',
    path: idsPath('consortiumId'),
    query: z.object({
      year: z.optional(z.string().check(z.describe('A financial year such as 2026-27 (the latest with reports if not given).'))),
      format: z.optional(z.literal('csv')),
    }),
    downloads: { 'text/csv': { when: '?format=csv' } },
  },
  'GET /app/consortia/{consortiumId}/funding-quality': {
    summary: 'Funding quality: length, continuity, core share, conditions, funder concentration (CSV with ?format=csv).',
    path: idsPath('consortiumId'),
    query: z.object({ format: z.optional(z.literal('csv')) }),
    downloads: { 'text/csv': { when: '?format=csv' } },
  },
  'GET /app/consortia/{consortiumId}/pools': {
    summary: "The consortium's pools, with what each received, committed and has available.",
    path: idsPath('consortiumId'),
  },
  'GET /app/consortia/{consortiumId}/rounds': {
    summary: "Every allocation round of the consortium's pools, newest first.",
    path: idsPath('consortiumId'),
  },
  'GET /app/consortia/{consortiumId}/grants': {
    summary: "Every grant of the consortium's pools, with its recipient, dates and amount.",
    path: idsPath('consortiumId'),
  },
  'GET /app/{proxy+}': {
    summary: 'Any other path under /app: the page-not-found page (404); /app/ is what needs me, as /app.',
  },
});
