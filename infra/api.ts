/**
 * The API contract's operations, one map per feature (`functions/<feature>/api.ts`),
 * concatenated as `infra/catalog.ts` concatenates the slices. `checkApi` holds the two
 * together: a route without an operation, or an operation without a route, is an error.
 */
import { calendarApi } from '../functions/calendar/api';
import * as calendarViews from '../functions/calendar/views';
import { consortiaApi } from '../functions/consortia/api';
import * as consortiaViews from '../functions/consortia/views';
import { contractsApi } from '../functions/contracts/api';
import * as contractsViews from '../functions/contracts/views';
import { grantsApi } from '../functions/grants/api';
import * as grantsViews from '../functions/grants/views';
import type { Api, Operation } from '../functions/lib/api';
import type * as z from '../functions/lib/zod';
import { overviewApi } from '../functions/overview/api';
import { platformApi } from '../functions/platform/api';
import * as platformViews from '../functions/platform/views';
import { poolsApi } from '../functions/pools/api';
import * as poolsViews from '../functions/pools/views';
import { publishingApi } from '../functions/publishing/api';
import * as publishingViews from '../functions/publishing/views';
import { reportingApi } from '../functions/reporting/api';
import * as reportingViews from '../functions/reporting/views';
import { tendersApi } from '../functions/tenders/api';
import * as tendersViews from '../functions/tenders/views';
import type { RouteSpec } from '../shared/platform/catalog';

const featureApis: Readonly<Record<string, Api>> = {
  platform: platformApi,
  consortia: consortiaApi,
  pools: poolsApi,
  grants: grantsApi,
  reporting: reportingApi,
  overview: overviewApi,
  tenders: tendersApi,
  contracts: contractsApi,
  calendar: calendarApi,
  publishing: publishingApi,
};

/**
 * Each feature's view-model schemas (`functions/<feature>/views.ts`): the document names each
 * answer's schema once under `components.schemas` and refers to it from every operation.
 */
export const featureViews: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  platform: platformViews,
  consortia: consortiaViews,
  pools: poolsViews,
  grants: grantsViews,
  reporting: reportingViews,
  tenders: tendersViews,
  contracts: contractsViews,
  calendar: calendarViews,
  publishing: publishingViews,
};

export const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method} ${r.path}`;

/** Every feature's operations by route key; a key declared by two features is an error. */
function mergeApis(apis: Readonly<Record<string, Api>> = featureApis): Record<string, Operation> {
  const all: Record<string, Operation> = {};
  for (const [feature, api] of Object.entries(apis)) {
    for (const [key, op] of Object.entries(api)) {
      if (all[key]) throw new Error(`api: ${key} is declared by more than one feature (${feature})`);
      all[key] = op;
    }
  }
  return all;
}

/** What does not match between the catalog's routes and the operations (empty when in step). */
export function apiMismatches(routes: readonly RouteSpec[], ops: Record<string, Operation>): string[] {
  const keys = new Set(routes.map(routeKey));
  const problems = [...keys].filter((k) => !ops[k]).map((k) => `route ${k} has no operation in its feature's api.ts`);
  for (const k of Object.keys(ops)) if (!keys.has(k)) problems.push(`operation ${k} names a route the catalog does not have`);
  for (const r of routes) {
    const names = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    const path = ops[routeKey(r)]?.path;
    const declared = Object.keys(shapeOf(path));
    const missing = names.filter((n) => !declared.includes(n));
    if (missing.length) problems.push(`operation ${routeKey(r)} has no schema for {${missing.join('}, {')}}`);
  }
  return problems;
}

/** The properties of an object schema (empty for anything else). */
export const shapeOf = (schema: Operation['path']): Record<string, z.ZodMiniType> =>
  (schema?._zod.def as { shape?: Record<string, z.ZodMiniType> } | undefined)?.shape ?? {};

export const operations = mergeApis();
