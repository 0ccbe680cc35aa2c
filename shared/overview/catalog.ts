import { defineSlice } from '../platform/catalog';

const fn = (name: string) => `functions/overview/${name}.ts`;
const page = ['table-read', 'table-write', 'web'] as const;

export const overviewSlice = defineSlice({
  feature: 'overview',
  summary: 'Staff pages that read across every feature: what needs me, the consortium, evidence, funding quality.',
  functions: {
    overviewPages: {
      entry: fn('pages'),
      description: 'Pages: a consortium (members, pools, rounds, reports, reporting policy); its pools, rounds and grants',
      needs: [...page, 'task-callback'],
    },
    overviewInsights: {
      entry: fn('insights'),
      description: 'Pages: the consortium’s evidence and funding quality (charts beside their tables, CSVs)',
      needs: ['table-read', 'table-write', 'web'],
    },
    overviewHome: {
      entry: fn('home'),
      description: 'Page: what needs me (every kind of waiting work); any other path under /app: page not found',
      needs: [...page],
    },
  },
  routes: [
    { method: 'GET', path: '/app', fn: 'overviewHome', auth: 'page' },
    { method: 'GET', path: '/app/consortia/{consortiumId}', fn: 'overviewPages', auth: 'page' },
    { method: 'POST', path: '/app/consortia/{consortiumId}', fn: 'overviewPages', auth: 'page' },
    { method: 'GET', path: '/app/consortia/{consortiumId}/evidence', fn: 'overviewInsights', auth: 'page' },
    { method: 'GET', path: '/app/consortia/{consortiumId}/funding-quality', fn: 'overviewInsights', auth: 'page' },
    { method: 'GET', path: '/app/consortia/{consortiumId}/pools', fn: 'overviewPages', auth: 'page' },
    { method: 'GET', path: '/app/consortia/{consortiumId}/rounds', fn: 'overviewPages', auth: 'page' },
    { method: 'GET', path: '/app/consortia/{consortiumId}/grants', fn: 'overviewPages', auth: 'page' },
    // Any other path under /app: the page-not-found page (and /app/ answered as /app), on both
    // targets, where API Gateway's own answer would be {"message":"Not Found"}. The most specific
    // route wins on AWS, and locally (infra/local/http-api.ts), so every page above still gets its own.
    { method: 'GET', path: '/app/{proxy+}', fn: 'overviewHome', auth: 'page' },
  ],
  rules: [],
  workflows: [],
  events: () => ({}),
  eventNotes: {},
  linkKinds: [],
});
