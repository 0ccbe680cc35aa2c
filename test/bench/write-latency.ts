import { routes } from '../../infra/catalog';
import type { SeededFunder } from '../../infra/local/scenario';
import { londonDate } from '../../shared/platform/london-time';
import { inDays } from '../support/grant';
import { fillPath, validBody } from '../support/route-bodies';
import { routeRecords } from '../support/route-records';
import type { TestStack } from '../support/stack';
import { columns } from './columns';
import { figures, type LatencyFigures, repeated } from './timing';

export interface WriteLatency {
  route: string;
  /**
   * `repeatable`: every request adds a record, so it is timed like a read; `once`: the first
   * request moves the record and later ones are refused, so only the first is timed; `refused`:
   * the fixture's record is not in a state this route accepts (a draft tender has no bids to score).
   */
  kind: 'repeatable' | 'once' | 'refused';
  /** Status and time of the first request, on a record nothing else has touched. */
  first: { status: number; ms: number; why?: string };
  /** A `once` route's answer to the repeat, which says why it can happen only once. */
  repeat?: { status: number; why: string };
  /** 2xx answers among the 64 requests from 32 clients (the rest are refusals under contention). */
  okMany?: number;
  one?: LatencyFigures;
  many?: LatencyFigures;
}

/**
 * Routes that end a record's life go last, so the routes after them still find it open. They are
 * timed like the others: the first request ends the record and the rest show the refusal.
 */
const ending = (path: string) => /\/(cancel|status)$/.test(path);

/** Each request its own email and name, so a route that refuses duplicates times its real work. */
function unique(body: unknown, n: number): unknown {
  if (Array.isArray(body)) return body.map((b) => unique(b, n));
  if (body === null || typeof body !== 'object') return body;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string' && /email$/i.test(k)) out[k] = `n${n}.${v}`;
    else if (typeof v === 'string' && (k === 'name' || k === 'title' || k === 'orgName')) out[k] = `${v} ${n}`;
    else if (typeof v === 'string' && k === 'identifier') out[k] = v.replace(/\d+$/, (d) => String(Number(d) + n));
    else out[k] = unique(v, n);
  }
  return out;
}

/**
 * Item 2's latency for every staff API route that writes, on one record of each kind. Most
 * writes add something (a pledge, a contribution, a grant, a contract) and can be timed like the
 * reads: 10 requests from one client, then 64 from 32 clients at once. A write that moves a
 * record through a state once (submit for sign-off, close a round) can only succeed once per
 * record: only its first request is timed, and the table says why a repeat was refused, so a
 * refusal's time is never passed off as the write's. The rest of a write's cost is in the year.
 */
export async function staffWriteLatency(stack: TestStack, funders: SeededFunder[]): Promise<WriteLatency[]> {
  const { lead, ids, tender } = await routeRecords(stack, funders, 'Bench writes');
  const bearer = async (who: { id: string; email: string }) =>
    `Bearer ${await stack.runtime.issuer.sign({ sub: who.id, email: who.email })}`;
  const asLead = await bearer(lead.admin);
  const asAdmin = await bearer(stack.admin);
  const extra: Record<string, { body: unknown; authorization: string }> = {
    'POST /organisations': {
      body: { name: 'Bench Provider', kind: 'provider', identifier: 'GB-CHC-1150000', contactEmail: 'hello@bench-provider.example.org' },
      authorization: asAdmin,
    },
    'POST /consortia': {
      body: {
        name: 'Bench Consortium',
        place: 'Benchton',
        members: [
          { orgId: lead.org.id, role: 'lead' },
          { orgId: (funders[1] as SeededFunder).org.id, role: 'member' },
        ],
      },
      authorization: asLead,
    },
    'POST /consortia/{consortiumId}/tenders': { body: tender, authorization: asLead },
    'POST /grants/{grantId}/plan': { body: { tranches: [{ amount: 10_000, dueDate: inDays(stack, 5) }] }, authorization: asLead },
    // A pledge of £10 takes 75 contributions of a penny; the route's own body would overpay it.
    'POST /pools/{poolId}/pledges/{pledgeId}/contributions': {
      body: { amount: 1, currency: 'GBP', receivedOn: londonDate(stack.clock.now()) },
      authorization: asLead,
    },
  };
  const writes = routes
    .filter((r) => r.method !== 'GET' && r.auth === 'staff')
    .sort((a, b) => Number(ending(a.path)) - Number(ending(b.path)));
  const out: WriteLatency[] = [];
  for (const r of writes) {
    // What the last route set going (events, projections, workflows) finishes first, so it is not timed here.
    await stack.runtime.settle(120_000);
    const key = `${r.method} ${r.path}`;
    const { body, authorization } = extra[key] ?? { body: validBody(key, ids), authorization: asLead };
    const url = `${stack.runtime.apiUrl}${fillPath(r.path, ids)}`;
    let n = 0;
    const statuses: number[] = [];
    let why = '';
    const send = async () => {
      const res = await fetch(url, {
        method: r.method,
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify(unique(body, n++)),
      });
      const text = await res.text();
      statuses.push(res.status);
      if (res.status >= 300 && !why) why = (JSON.parse(text) as { message?: string }).message ?? '';
    };
    const [ms] = await repeated(send, 1, 1);
    const first = { status: statuses[0] as number, ms: ms as number, ...(why ? { why } : {}) };
    if (first.status >= 300) {
      out.push({ route: key, kind: 'refused', first });
      continue;
    }
    const one = figures(await repeated(send, 10, 1));
    const refusal = statuses.slice(1).find((s) => s >= 300);
    if (refusal) {
      out.push({ route: key, kind: 'once', first, repeat: { status: refusal, why } });
      continue;
    }
    const many = figures(await repeated(send, 64, 32));
    out.push({ route: key, kind: 'repeatable', first, okMany: statuses.slice(11).filter((s) => s < 300).length, one, many });
  }
  return out;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const times = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

/**
 * The table `npm run bench` prints for the writes: a repeatable write's p50 and p99 against the
 * raw GetItem's, with how many of the 64 concurrent requests succeeded (the rest lost a race
 * on the same record and were refused); a once-only or refused write's first answer and why.
 */
export function writeLatencyTable(rows: WriteLatency[], raw: { one: LatencyFigures; many: LatencyFigures }): string {
  const table = [
    ['route', 'first', '1 client p50', 'p99', '÷ GetItem', '32 clients p50', 'p99', '÷ GetItem', '2xx', 'note'],
    ...rows.map((r) => {
      const first = `${r.first.status} ${ms(r.first.ms)}`;
      if (r.one && r.many)
        return [
          r.route,
          first,
          ms(r.one.p50),
          ms(r.one.p99),
          times(r.one.p50, raw.one.p50),
          ms(r.many.p50),
          ms(r.many.p99),
          times(r.many.p50, raw.many.p50),
          `${r.okMany}/64`,
          '',
        ];
      const note = r.kind === 'once' ? `once per record; a repeat: ${r.repeat?.status} ${r.repeat?.why}` : `refused: ${r.first.why}`;
      return [r.route, first, '', '', '', '', '', '', '', note.length > 90 ? `${note.slice(0, 89)}…` : note];
    }),
  ];
  return columns(table, [0, 9]);
}
