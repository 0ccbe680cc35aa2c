/**
 * Everything the system is made of: the features' catalog slices, concatenated. Both targets
 * read this: the CDK stack builds from it, the local runtime routes by it. A new feature is
 * new folders and one line in `slices`.
 */
import { calendarSlice } from '../shared/calendar/catalog';
import { consortiaSlice } from '../shared/consortia/catalog';
import { contractsSlice } from '../shared/contracts/catalog';
import { grantsSlice } from '../shared/grants/catalog';
import { overviewSlice } from '../shared/overview/catalog';
import { platformSlice, type RouteSpec, type RuleSpec, type SliceShape, type WorkflowSpec } from '../shared/platform/catalog';
import { poolsSlice } from '../shared/pools/catalog';
import { publishingSlice } from '../shared/publishing/catalog';
import { reportingSlice } from '../shared/reporting/catalog';
import { tendersSlice } from '../shared/tenders/catalog';

export const slices = [
  platformSlice,
  consortiaSlice,
  poolsSlice,
  grantsSlice,
  reportingSlice,
  overviewSlice,
  tendersSlice,
  contractsSlice,
  calendarSlice,
  publishingSlice,
] as const;

type Merge<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
type Functions = Merge<(typeof slices)[number]['functions']>;

/** What the rest of `infra` works from, with every cross-reference between slices checked once. */
export interface Catalog {
  functions: SliceShape['functions'];
  routes: RouteSpec[];
  rules: RuleSpec[];
  workflows: WorkflowSpec[];
}

export function buildCatalog(parts: readonly SliceShape[]): Catalog {
  const functions: Catalog['functions'] = {};
  for (const slice of parts) {
    for (const [id, spec] of Object.entries(slice.functions)) {
      if (functions[id]) throw new Error(`function ${id} is declared by more than one feature (${slice.feature})`);
      functions[id] = { ...spec, feature: slice.feature };
    }
  }
  const catalog = {
    functions,
    routes: parts.flatMap((s) => s.routes),
    rules: parts.flatMap((s) => s.rules),
    workflows: parts.flatMap((s) => s.workflows),
  };
  checkReferences(catalog, new Set(parts.flatMap((s) => Object.keys(s.events()))));
  return catalog;
}

function checkReferences(c: Catalog, events: Set<string>): void {
  const workflowIds = new Set(c.workflows.map((w) => w.id));
  const fail = (what: string) => {
    throw new Error(`catalog: ${what}`);
  };
  for (const r of c.routes) if (!c.functions[r.fn]) fail(`route ${r.method} ${r.path} targets unknown function ${r.fn}`);
  for (const r of c.rules) {
    if (!c.functions[r.fn]) fail(`rule ${r.id} targets unknown function ${r.fn}`);
    for (const t of r.detailTypes) if (!events.has(t)) fail(`rule ${r.id} listens for ${t}, which no feature writes`);
  }
  for (const w of c.workflows)
    for (const fn of Object.values(w.substitutions)) if (!c.functions[fn]) fail(`workflow ${w.id} binds unknown ${fn}`);
  for (const [id, spec] of Object.entries(c.functions)) {
    for (const need of spec.needs) {
      if (typeof need !== 'object') continue;
      if ('startWorkflow' in need && !workflowIds.has(need.startWorkflow)) fail(`${id} starts unknown workflow ${need.startWorkflow}`);
      if ('schedules' in need && !c.functions[need.schedules]) fail(`${id} schedules unknown function ${need.schedules}`);
    }
  }
}

export const catalog = buildCatalog(slices as readonly SliceShape[]);
export const functions = catalog.functions as unknown as Functions;
export const { routes, rules, workflows } = catalog;

/** What one target builds: without the functions (and their routes) that belong to the other. */
export function forTarget(c: Catalog, target: 'aws' | 'local'): Catalog {
  const functions = Object.fromEntries(Object.entries(c.functions).filter(([, f]) => !f.only || f.only === target));
  const routes = c.routes.filter((r) => functions[r.fn]);
  const seen = new Set<string>();
  for (const r of routes) {
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) throw new Error(`catalog: two ${target} routes for ${key}`);
    seen.add(key);
  }
  return { ...c, functions, routes };
}

/** What the CDK stack builds (the local runtime uses `forTarget(catalog, 'local')`). */
export const awsCatalog = forTarget(catalog, 'aws');

/** Functions that schedules invoke: EventBridge Scheduler's role may invoke these and no others. */
export const scheduleTargets = (c: Catalog = catalog): string[] => [
  ...new Set(
    Object.values(c.functions).flatMap((f) => f.needs.flatMap((n) => (typeof n === 'object' && 'schedules' in n ? [n.schedules] : []))),
  ),
];

export { names, streamFilter, streamRouter } from '../shared/platform/catalog';
