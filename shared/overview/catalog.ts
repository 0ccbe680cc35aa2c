import { defineSlice } from '../platform/catalog';

const fn = (name: string) => `functions/overview/${name}.ts`;
const page = ['table-read', 'table-write', 'web'] as const;

export const overviewSlice = defineSlice({
  feature: 'overview',
  summary: 'Staff pages that read across every feature: what needs me, the consortium, evidence, funding quality.',
  functions: {
    overviewPages: { entry: fn('pages'), description: 'Pages: what needs me', needs: page },
  },
  routes: [{ method: 'GET', path: '/app', fn: 'overviewPages', auth: 'page' }],
  rules: [],
  workflows: [],
  events: [],
  linkKinds: [],
});
