import { defineSlice, functionsIn } from '../platform/catalog';

const { pages } = functionsIn('overview');

export const overviewSlice = defineSlice({
  feature: 'overview',
  summary: 'Staff pages that read across every feature: what needs me, the consortium, evidence, funding quality.',
  functions: {
    overviewPages: pages(
      'pages',
      'Pages: a consortium (members, pools, rounds, reports, reporting policy); its pools, rounds and grants',
      [
        'GET POST /app/consortia/{consortiumId}',
        'GET /app/consortia/{consortiumId}/pools',
        'GET /app/consortia/{consortiumId}/rounds',
        'GET /app/consortia/{consortiumId}/grants',
      ],
      'task-callback',
    ),
    overviewInsights: pages('insights', 'Pages: the consortium’s evidence and funding quality (charts beside their tables, CSVs)', [
      'GET /app/consortia/{consortiumId}/evidence',
      'GET /app/consortia/{consortiumId}/funding-quality',
    ]),
    overviewHome: pages('home', 'Page: what needs me (every kind of waiting work); any other path under /app: page not found', [
      'GET /app',
      // Any other path under /app: the page-not-found page (and /app/ answered as /app), on both
      // targets, where API Gateway's own answer would be {"message":"Not Found"}. The most specific
      // route wins on AWS, and locally (infra/local/http-api.ts), so every other page still gets its own.
      'GET /app/{proxy+}',
    ]),
  },
});
