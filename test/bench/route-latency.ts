import { routes } from '../../infra/catalog';
import type { SeededFunder } from '../../infra/local/scenario';
import { fillPath } from '../support/route-bodies';
import { routeRecords } from '../support/route-records';
import type { TestStack } from '../support/stack';
import { columns } from './columns';
import { figures, type LatencyFigures, repeated } from './timing';

/** The query a listing route requires; without it the route only answers 400. */
const queries: Record<string, string> = {
  '/organisations': '?kind=funder',
  '/consortia/{consortiumId}/reports': '?status=scheduled',
};

export interface RouteLatency {
  route: string;
  status: number;
  one: LatencyFigures;
  many: LatencyFigures;
}

/**
 * Item 2's latency for every staff API route that only reads (the GETs): one record of each
 * kind is made, then each route is asked 10 times by one client and 64 times by 32 clients at
 * once, timed at the client over HTTP, in the same run as the raw GetItem. A route that refuses
 * the record it is given (a draft tender has no evaluation or OCDS release yet) is timed as it
 * answers, and its status is shown. Routes that write cannot be repeated on the same record;
 * their handler time is in the year's route table.
 */
export async function staffReadLatency(stack: TestStack, funders: SeededFunder[]): Promise<RouteLatency[]> {
  const { lead, ids } = await routeRecords(stack, funders, 'Bench');
  const authorization = `Bearer ${await stack.runtime.issuer.sign({ sub: lead.admin.id, email: lead.admin.email })}`;
  const out: RouteLatency[] = [];
  for (const r of routes.filter((x) => x.method === 'GET' && x.auth === 'staff')) {
    const url = `${stack.runtime.apiUrl}${fillPath(r.path, ids)}${queries[r.path] ?? ''}`;
    let status = 0;
    const get = async () => {
      const res = await fetch(url, { headers: { authorization } });
      await res.arrayBuffer();
      status = res.status;
    };
    await get();
    const one = figures(await repeated(get, 10, 1));
    const many = figures(await repeated(get, 64, 32));
    out.push({ route: `GET ${r.path}`, status, one, many });
  }
  return out;
}

/** The table `npm run bench` prints: each read route's p50 and p99 against the raw GetItem's. */
export function latencyTable(rows: RouteLatency[], raw: { one: LatencyFigures; many: LatencyFigures }): string {
  const x = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  const table = [
    ['route', 'status', '1 client p50', 'p99', '÷ GetItem', '32 clients p50', 'p99', '÷ GetItem'],
    ...rows.map((r) => [
      r.route,
      String(r.status),
      `${r.one.p50.toFixed(1)} ms`,
      `${r.one.p99.toFixed(1)} ms`,
      x(r.one.p50, raw.one.p50),
      `${r.many.p50.toFixed(1)} ms`,
      `${r.many.p99.toFixed(1)} ms`,
      x(r.many.p50, raw.many.p50),
    ]),
  ];
  return columns(table);
}
