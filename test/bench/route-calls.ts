import type { LocalLambdas } from '../../infra/local/lambdas';
import { columns } from './columns';

/** DynamoDB calls per request of one API or link route, over a run (item 2 of issue 12). */
export interface RouteFigures {
  /** `METHOD path`, as the catalog names the route. */
  route: string;
  invocations: number;
  maxCalls: number;
  medianCalls: number;
  /** The handler's own time per request (front door excluded), as the year ran: p50 and p99, ms. */
  p50Ms: number;
  p99Ms: number;
}

const pathOf = (route: string) => route.slice(route.indexOf(' ') + 1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.99 * xs.length) - 1)] ?? Number.NaN;

/**
 * Counts, for every request the front door passes to a function, the DynamoDB calls that
 * invocation alone made (counted in shared/platform/aws/dynamodb.ts, kept apart per invocation by
 * the runtime). There is no Scan to count: the DynamoDB client offers none (dynamodb-plugin.ts). The route is the event's `routeKey`, as HTTP API sets it, so a function serving
 * several routes is counted per route, and its invocations by workflows or rules not at all.
 * Returns a function that reads the figures so far, by path.
 */
export function recordRouteCalls(lambdas: LocalLambdas): () => RouteFigures[] {
  const seen = new Map<string, { calls: number[]; ms: number[] }>();
  lambdas.onInvoked = ({ usage, event, ms }) => {
    const route = (event as { routeKey?: unknown } | null)?.routeKey;
    if (typeof route !== 'string') return;
    const r = seen.get(route) ?? { calls: [], ms: [] };
    r.calls.push(usage.dynamodbCalls);
    r.ms.push(ms);
    seen.set(route, r);
  };
  return () =>
    [...seen]
      .map(([route, r]) => ({
        route,
        invocations: r.calls.length,
        maxCalls: Math.max(...r.calls),
        medianCalls: median(r.calls),
        p50Ms: Math.round(median(r.ms) * 10) / 10,
        p99Ms: Math.round(p99(r.ms) * 10) / 10,
      }))
      .sort((a, b) => pathOf(a.route).localeCompare(pathOf(b.route)) || a.route.localeCompare(b.route));
}

/** The table `npm run bench` prints: route, requests, most and median DynamoDB calls, the handler's time. */
export function routeTable(routes: RouteFigures[]): string {
  const rows = [
    ['route', 'requests', 'most calls', 'median', 'handler p50 ms', 'p99 ms'],
    ...routes.map((r) => [
      r.route,
      String(r.invocations),
      String(r.maxCalls),
      String(r.medianCalls),
      r.p50Ms.toFixed(1),
      r.p99Ms.toFixed(1),
    ]),
  ];
  return columns(rows);
}
