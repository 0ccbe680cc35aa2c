import { defineSlice } from '../platform/catalog';

const fn = (name: string) => `functions/overview/${name}.ts`;
const page = ['table-read', 'table-write', 'web'] as const;

export const overviewSlice = defineSlice({
  feature: 'overview',
  summary: 'Staff pages that read across every feature: what needs me, the consortium, evidence, funding quality.',
  functions: {
    overviewPages: {
      entry: fn('pages'),
      description: 'Pages: what needs me; a consortium (members, pools, rounds, reports, reporting policy); evidence; funding quality',
      needs: [...page, 'task-callback'],
    },
  },
  routes: [
    { method: 'GET', path: '/app', fn: 'overviewPages', auth: 'page' },
    { method: 'GET', path: '/app/consortia/{consortiumId}', fn: 'overviewPages', auth: 'page' },
    { method: 'POST', path: '/app/consortia/{consortiumId}', fn: 'overviewPages', auth: 'page' },
    { method: 'GET', path: '/app/consortia/{consortiumId}/evidence', fn: 'overviewPages', auth: 'page' },
    { method: 'GET', path: '/app/consortia/{consortiumId}/funding-quality', fn: 'overviewPages', auth: 'page' },
  ],
  rules: [],
  workflows: [],
  events: [],
  linkKinds: [],
});
