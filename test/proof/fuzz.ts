/**
 * Fuzzing from the contract (issue 11, item 4): for every route, generated malformed or hostile
 * requests sent over HTTP to a local stack, checking that none gets a 5xx, every JSON 4xx names
 * what was wrong (see `problemWith`), none that breaks a rule is accepted, and nothing is
 * written (the whole table, and so the ledger, is the same after each batch).
 *
 *   const report = await fuzz(stack, { perRoute: 1000, seed: 42, onProgress: console.log });
 *
 * A failure names its route, case number and seed: `fuzz(stack, { seed, routes: [route], cases: [n] })` replays it.
 */
import { request } from 'node:http';
import { errorBody } from '../../functions/lib/api';
import { operations } from '../../infra/api';
import { catalog, forTarget } from '../../infra/catalog';
import { matchRoute } from '../../infra/local/http-api';
import type { RouteSpec } from '../../shared/platform/catalog';
import type { TestStack } from '../support/stack';
import { brokenRule, type Case, makeCase, type Target } from './fuzz-cases';
import { type Fixture, prepareFixture } from './fuzz-fixture';
import { caseSeed, rng } from './fuzz-values';

export interface FuzzOptions {
  /** Requests per route. */
  perRoute: number;
  seed?: number;
  /** Only these route keys ("POST /pools/{poolId}/pledges"); all the local target's routes by default. */
  routes?: string[];
  /** Only these case numbers (to replay a failure). */
  cases?: number[];
  /** Requests in flight at once. */
  concurrency?: number;
  onProgress?: (p: { route: string; routesDone: number; routes: number; requests: number; failures: number }) => void;
  /** Records to fuzz from, if the caller made them (`prepareFixture(stack)`); made here otherwise. */
  fixture?: Fixture;
}

export type FailureKind = '5xx' | 'unnamed-4xx' | 'accepted' | 'write' | 'no-answer' | 'base';

export interface FuzzFailure {
  kind: FailureKind;
  route: string;
  case: number;
  seed: number;
  status?: number;
  /** What the request changed, and what came back. */
  broke: string;
  detail: string;
}

export interface FuzzReport {
  seed: number;
  routes: number;
  requests: number;
  /** Cases of a write route for which no mutation broke a rule in 20 tries (not sent). */
  skipped: number;
  fiveXX: number;
  unnamed4xx: number;
  accepted: number;
  writes: number;
  byStatus: Record<string, number>;
  failures: FuzzFailure[];
  ms: number;
}

const BATCH = 50;

export async function fuzz(stack: TestStack, options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const fixture = options.fixture ?? (await prepareFixture(stack));
  const routes = forTarget(catalog, 'local').routes;
  const chosen = routes.filter((r) => !options.routes || options.routes.includes(`${r.method} ${r.path}`));
  const targets = fixture.targets(chosen, operations);
  const report: FuzzReport = {
    seed,
    routes: targets.length,
    requests: 0,
    skipped: 0,
    fiveXX: 0,
    unnamed4xx: 0,
    accepted: 0,
    writes: 0,
    byStatus: {},
    failures: [],
    ms: 0,
  };
  const ledger = () =>
    stack.request('GET', `/pools/${fixture.poolId}/ledger`, { as: fixture.lead.admin }).then((r) => JSON.stringify(r.body));
  const ledgerBefore = await ledger();
  report.failures.push(...baseProblems(targets, seed));
  for (const [i, t] of targets.entries()) {
    await fuzzRoute(stack, t, routes, { ...options, seed }, report);
    options.onProgress?.({
      route: t.key,
      routesDone: i + 1,
      routes: targets.length,
      requests: report.requests,
      failures: report.failures.length,
    });
  }
  if ((await ledger()) !== ledgerBefore)
    record(report, { kind: 'write', route: '(the pool ledger)', case: -1, seed, broke: '', detail: 'the ledger changed' });
  report.ms = Date.now() - started;
  return report;
}

/** A base request that does not pass its own schemas proves nothing by being broken: the map and the bodies disagree. */
function baseProblems(targets: Target[], seed: number): FuzzFailure[] {
  return targets.flatMap((t) => {
    const problems = [
      t.op.path && !t.op.path.safeParse(t.params).success ? 'path' : undefined,
      t.op.query && !t.op.query.safeParse(t.query).success ? 'query' : undefined,
      t.op.body && t.json && !t.op.body.safeParse(t.body).success ? 'body' : undefined,
    ].filter(Boolean);
    return problems.map((p) => ({
      kind: 'base' as const,
      route: t.key,
      case: -1,
      seed,
      broke: '',
      detail: `the base request's ${p} does not pass the schema`,
    }));
  });
}

/** The case numbered `index`: regenerated until it breaks a rule where it could otherwise write. */
function caseFor(t: Target, seed: number, index: number, routes: RouteSpec[]): Case | undefined {
  for (let attempt = 0; attempt < 20; attempt++) {
    const c = makeCase(t, rng(caseSeed(seed, t.key, index) + attempt * 7919));
    const rule = brokenRule(t, c, routes, operations);
    if (rule) return { ...c, rule };
    if (c.domain || t.harmless || t.route.method === 'GET') return c;
  }
  return undefined;
}

async function fuzzRoute(stack: TestStack, t: Target, routes: RouteSpec[], o: FuzzOptions & { seed: number }, report: FuzzReport) {
  const numbers = o.cases ?? Array.from({ length: o.perRoute }, (_, i) => i);
  let before = await stack.tableText();
  for (let start = 0; start < numbers.length; start += BATCH) {
    const batch = numbers.slice(start, start + BATCH).flatMap((n) => {
      const c = caseFor(t, o.seed, n, routes);
      if (!c) report.skipped++;
      return c ? [{ n, c }] : [];
    });
    const from = clientAddress();
    await inParallel(batch, o.concurrency ?? 4, async ({ n, c }) => judge(report, t, n, o.seed, c, await send(stack, c, from), routes));
    const after = await stack.tableText();
    if (after !== before) await findWriters(stack, t, o.seed, batch, report, routes);
    before = await stack.tableText();
  }
}

/** Which of a batch wrote: each request again, one at a time, with the table read around it. */
async function findWriters(
  stack: TestStack,
  t: Target,
  seed: number,
  batch: { n: number; c: Case }[],
  report: FuzzReport,
  routes: RouteSpec[],
) {
  let found = false;
  for (const { n, c } of batch) {
    const before = await stack.tableText();
    const res = await send(stack, c, clientAddress());
    if ((await stack.tableText()) !== before) {
      found = true;
      record(report, {
        kind: 'write',
        route: t.key,
        case: n,
        seed,
        status: res.status,
        broke: c.broke,
        detail: `wrote to the table; answered ${res.text.slice(0, 200)}`,
      });
    }
    judge({ ...report, failures: [] }, t, n, seed, c, res, routes);
  }
  if (!found)
    record(report, {
      kind: 'write',
      route: t.key,
      case: -1,
      seed,
      broke: '',
      detail: 'the table changed during this batch (not again when replayed one by one)',
    });
}

let batches = 0;

/**
 * Each batch comes from its own loopback address (127.0.0.0/8 is all this machine's): the
 * emailed links' rate limit (300 a client in 5 minutes, tested on its own) would otherwise
 * answer most of a link route's thousand requests with 429 before any reached its handler.
 */
function clientAddress(): string {
  batches++;
  return `127.0.${Math.floor(batches / 250) % 250}.${(batches % 250) + 2}`;
}

type Answer = { status: number; text: string; json?: unknown };

/** Over node:http rather than fetch: a GET may carry a body, and the path goes as written. */
function send(stack: TestStack, c: Case, from = '127.0.0.1'): Promise<Answer> {
  const url = new URL(stack.runtime.apiUrl);
  return new Promise((resolve) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        localAddress: from,
        // A connection per request: nothing is left open when the stack stops.
        agent: false,
        method: c.method,
        path: c.url,
        headers: { ...c.headers, ...(c.body !== undefined ? { 'content-length': Buffer.byteLength(c.body) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode ?? 0, text, json });
        });
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')));
    req.on('error', (error) => resolve({ status: 0, text: String(error) }));
    req.end(c.body);
  });
}

async function inParallel<T>(items: T[], n: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

function record(report: FuzzReport, f: FuzzFailure) {
  report.failures.push(f);
  if (f.kind === '5xx') report.fiveXX++;
  if (f.kind === 'unnamed-4xx') report.unnamed4xx++;
  if (f.kind === 'accepted') report.accepted++;
  if (f.kind === 'write' && f.case >= 0) report.writes++;
}

function judge(report: FuzzReport, t: Target, n: number, seed: number, c: Case, res: Answer, routes: RouteSpec[]) {
  report.requests++;
  report.byStatus[res.status] = (report.byStatus[res.status] ?? 0) + 1;
  const fail = (kind: FailureKind, detail: string) =>
    record(report, {
      kind,
      route: t.key,
      case: n,
      seed,
      status: res.status,
      broke: c.broke,
      detail: `${detail}: ${res.text.slice(0, 300)}`,
    });
  if (res.status === 0) return fail('no-answer', 'no HTTP answer');
  if (res.status >= 500) return fail('5xx', `${res.status} for ${c.rule ?? 'a hostile request'}`);
  if (t.json && (c.rule || c.domain) && res.status < 400)
    return fail('accepted', `${res.status} for a request that breaks ${c.rule ?? 'a rule of the use case'}`);
  if (t.json && res.status >= 400) {
    const problem = problemWith(res, routes, c);
    if (problem) fail('unnamed-4xx', problem);
  }
}

/**
 * What "names a field and a rule" means for each JSON refusal: a 400 lists issues, each with a
 * field and a rule; a 404 from a handler names what was not found (`what`, `id`), and one from
 * the router answers a path that is no route; a 403 or 409 names its rule by its kind and says
 * why in its message (there is no one field to name); 401 cannot happen here (every token is
 * valid). Every refusal from a handler has the error shape the contract states.
 */
export function problemWith(res: Answer, routes: readonly RouteSpec[], c: Pick<Case, 'method' | 'url'>): string | undefined {
  let routed = true;
  try {
    routed = Boolean(matchRoute(routes, c.method, new URL(c.url, 'http://localhost').pathname));
  } catch {}
  if (res.status === 404 && !routed) return (res.json as { message?: string })?.message ? undefined : 'a 404 with no message';
  const parsed = errorBody.safeParse(res.json);
  if (!parsed.success) return `a ${res.status} that is not the error shape`;
  const body = parsed.data;
  const expected: Record<number, string> = {
    400: 'validation',
    403: 'forbidden',
    404: 'not-found',
    409: 'conflict',
    415: 'unsupported-media-type',
  };
  if (expected[res.status] !== body.error) return `a ${res.status} with error "${body.error}"`;
  if ((res.status === 400 || res.status === 415) && !(body.issues?.length && body.issues.every((i) => i.field && i.rule)))
    return `a ${res.status} whose issues do not name a field and a rule`;
  if (res.status === 404 && !(body.what && body.id)) return 'a 404 that does not say what was not found';
  if (!body.message) return `a ${res.status} without a message`;
  return undefined;
}
