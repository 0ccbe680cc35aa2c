import { defineSlice, functionsIn, route } from '../platform/catalog';

const { pages } = functionsIn('overview');

export const overviewSlice = defineSlice({
  feature: 'overview',
  summary: 'Staff pages that read across every feature: what needs me, the consortium, evidence, funding quality.',
  functions: {
    overviewPages: pages(
      'pages',
      'Pages: a consortium (members, pools, rounds, reports, reporting policy); its pools, rounds and grants',
      'task-callback',
    ),
    overviewInsights: pages('insights', 'Pages: the consortium’s evidence and funding quality (charts beside their tables, CSVs)'),
    overviewHome: pages('home', 'Page: what needs me (every kind of waiting work); any other path under /app: page not found'),
  },
  routes: [
    route.page('GET /app', 'overviewHome'),
    route.page('GET POST /app/consortia/{consortiumId}', 'overviewPages'),
    route.page('GET /app/consortia/{consortiumId}/evidence', 'overviewInsights'),
    route.page('GET /app/consortia/{consortiumId}/funding-quality', 'overviewInsights'),
    route.page('GET /app/consortia/{consortiumId}/pools', 'overviewPages'),
    route.page('GET /app/consortia/{consortiumId}/rounds', 'overviewPages'),
    route.page('GET /app/consortia/{consortiumId}/grants', 'overviewPages'),
    // Any other path under /app: the page-not-found page (and /app/ answered as /app), on both
    // targets, where API Gateway's own answer would be {"message":"Not Found"}. The most specific
    // route wins on AWS, and locally (infra/local/http-api.ts), so every page above still gets its own.
    route.page('GET /app/{proxy+}', 'overviewHome'),
  ],
});
