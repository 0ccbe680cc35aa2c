import type { LocalLambdas } from '../../infra/local/lambdas';

/** DynamoDB calls per request of one API or link route, over a run (item 2 of issue 12). */
export interface RouteFigures {
  /** `METHOD path`, as the catalog names the route. */
  route: string;
  invocations: number;
  maxCalls: number;
  medianCalls: number;
  /** Scans over all its requests: any is a miss. */
  scans: number;
}

const pathOf = (route: string) => route.slice(route.indexOf(' ') + 1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;

/**
 * Counts, for every request the front door passes to a function, the DynamoDB calls and Scans
 * that invocation alone made (the SDK middleware's count, kept apart per invocation by the
 * runtime). The route is the event's `routeKey`, as HTTP API sets it, so a function serving
 * several routes is counted per route, and its invocations by workflows or rules not at all.
 * Returns a function that reads the figures so far, by path.
 */
export function recordRouteCalls(lambdas: LocalLambdas): () => RouteFigures[] {
  const seen = new Map<string, { calls: number[]; scans: number }>();
  lambdas.onInvoked = ({ usage, event }) => {
    const route = (event as { routeKey?: unknown } | null)?.routeKey;
    if (typeof route !== 'string') return;
    const r = seen.get(route) ?? { calls: [], scans: 0 };
    r.calls.push(usage.dynamodbCalls);
    r.scans += usage.dynamodbScans;
    seen.set(route, r);
  };
  return () =>
    [...seen]
      .map(([route, r]) => ({
        route,
        invocations: r.calls.length,
        maxCalls: Math.max(...r.calls),
        medianCalls: median(r.calls),
        scans: r.scans,
      }))
      .sort((a, b) => pathOf(a.route).localeCompare(pathOf(b.route)) || a.route.localeCompare(b.route));
}

/** The table `npm run bench` prints: route, requests, most and median DynamoDB calls, Scans. */
export function routeTable(routes: RouteFigures[]): string {
  const rows = [
    ['route', 'requests', 'most calls', 'median', 'scans'],
    ...routes.map((r) => [r.route, String(r.invocations), String(r.maxCalls), String(r.medianCalls), String(r.scans)]),
  ];
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  '))
    .join('\n');
}
