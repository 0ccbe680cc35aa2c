import { type Invocation, type InvocationKind, invocationKinds } from './invocation-log';

/**
 * Issue 27, item 2: which of a run's invocations would start cold on Lambda, and what a staff
 * member would wait for a page.
 *
 * The model: each function group (one function now; several routes sharing one under a
 * sharing plan) has one execution environment. An invocation is cold when its group has never
 * run, or has been idle longer than `idleMinutes` since its previous invocation ended (Lambda
 * keeps an idle environment for a while, not documented: 5, 15 and 45 minutes are modelled).
 * Concurrent invocations would need more environments, so this counts cold starts from below
 * for bursts; a consortium's traffic is a few people, and the run's requests are sequential.
 * A cold invocation's wait is its measured handler time plus the group's modelled init.
 */
export interface ColdFigures {
  idleMinutes: number;
  /** Minutes between a person's requests that the log has at one instant (0: as logged). */
  paceMinutes: number;
  plan: string;
  groups: number;
  byKind: Record<InvocationKind, { invocations: number; cold: number; share: number }>;
  /** All invocations. */
  share: number;
  /** The modelled init time of every cold start, summed (Lambda bills INIT since 1 August 2025), ms. */
  coldInitMs: number;
  /**
   * What a staff member waits for a request of theirs (a staff page, or the JSON API the pages'
   * use cases share; the seed year drives staff work through the API): handler time + init when
   * cold, ms. And what a provider waits for a page behind an emailed link.
   */
  staffPage: { p50: number; p95: number };
  linkPage: { p50: number; p95: number };
}

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

const people = new Set<InvocationKind>(['staff page', 'link page', 'api']);
/** The pace the bench's decisions and bill use: a person's next request two minutes after the last. */
export const personPaceMinutes = 2;

/**
 * The log at a person's pace. The run's virtual clock stands still while a scenario's people
 * act, so a day's requests share one instant; here each person's request after the first at an
 * instant comes `paceMinutes` after the one before, and what it sets off (events, steps) with it.
 */
export function paced(log: readonly Invocation[], paceMinutes: number): Invocation[] {
  let instant = Number.NaN;
  let offset = 0;
  let peopleSeen = 0;
  return log.map((inv) => {
    if (inv.at !== instant) [instant, offset, peopleSeen] = [inv.at, 0, 0];
    if (people.has(inv.kind) && peopleSeen++ > 0) offset += paceMinutes * 60_000;
    return { ...inv, at: inv.at + offset };
  });
}

export function coldModel(
  logged: readonly Invocation[],
  o: { idleMinutes: number; plan: string; groupOf: (fn: string) => string; initMs: (group: string) => number; paceMinutes?: number },
): ColdFigures {
  const log = paced(logged, o.paceMinutes ?? 0);
  const idleMs = o.idleMinutes * 60_000;
  const lastEnd = new Map<string, number>();
  const byKind = Object.fromEntries(invocationKinds.map((k) => [k, { invocations: 0, cold: 0, share: 0 }])) as ColdFigures['byKind'];
  const waits: number[] = [];
  const linkWaits: number[] = [];
  // The log's order is the order they ended; by time, stable, so a burst keeps its order.
  const ordered = log.map((inv, i) => ({ inv, i })).sort((a, b) => a.inv.at - b.inv.at || a.i - b.i);
  let cold = 0;
  let coldInitMs = 0;
  for (const { inv } of ordered) {
    const group = o.groupOf(inv.fn);
    const previous = lastEnd.get(group);
    const isCold = previous === undefined || inv.at - inv.ms - previous > idleMs;
    lastEnd.set(group, inv.at);
    const k = byKind[inv.kind];
    k.invocations++;
    if (isCold) {
      k.cold++;
      cold++;
      coldInitMs += o.initMs(group);
    }
    const wait = inv.ms + (isCold ? o.initMs(group) : 0);
    if (inv.kind === 'staff page' || inv.kind === 'api') waits.push(wait);
    if (inv.kind === 'link page') linkWaits.push(wait);
  }
  for (const k of Object.values(byKind)) k.share = k.invocations ? round1((100 * k.cold) / k.invocations) : 0;
  return {
    idleMinutes: o.idleMinutes,
    paceMinutes: o.paceMinutes ?? 0,
    plan: o.plan,
    groups: new Set(log.map((i) => o.groupOf(i.fn))).size,
    byKind,
    share: log.length ? round1((100 * cold) / log.length) : 0,
    coldInitMs: Math.round(coldInitMs),
    staffPage: { p50: round1(quantile(waits, 0.5)), p95: round1(quantile(waits, 0.95)) },
    linkPage: { p50: round1(quantile(linkWaits, 0.5)), p95: round1(quantile(linkWaits, 0.95)) },
  };
}

/** The table the bench prints: per plan and idle lifetime, the cold share per kind and the staff page wait. */
export function coldTable(rows: readonly ColdFigures[]): string {
  const head = [
    'plan',
    'pace',
    'idle',
    'functions',
    ...invocationKinds.map((k) => `cold ${k}`),
    'cold all',
    'staff wait p50',
    'p95',
    'link page p50',
    'p95',
  ];
  const body = rows.map((r) => [
    r.plan,
    r.paceMinutes ? `${r.paceMinutes} min` : 'as logged',
    `${r.idleMinutes} min`,
    String(r.groups),
    ...invocationKinds.map((k) => `${r.byKind[k].share}% of ${r.byKind[k].invocations}`),
    `${r.share}%`,
    `${r.staffPage.p50} ms`,
    `${r.staffPage.p95} ms`,
    `${r.linkPage.p50} ms`,
    `${r.linkPage.p95} ms`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  return [head, ...body].map((r) => r.map((c, i) => c.padEnd(widths[i] as number)).join('  ')).join('\n');
}

type CatalogLike = {
  functions: Record<string, { feature?: string; needs: readonly unknown[] }>;
  routes: readonly { fn: string; auth: string; path: string }[];
};

/**
 * The plans compared: one function per route, task and target (the stack now), and the JSON API's
 * routes sharing one function per feature and IAM group (its needs), as the pages already share
 * one per feature; everything else stays as it is.
 */
export function sharingPlans(catalog: CatalogLike): { plan: string; groupOf: (fn: string) => string }[] {
  const apiOnly = new Set(
    Object.keys(catalog.functions).filter((fn) => {
      const routes = catalog.routes.filter((r) => r.fn === fn);
      return routes.length > 0 && routes.every((r) => r.auth === 'staff' || (r.auth === 'public' && !r.path.includes('{token')));
    }),
  );
  const shared = (fn: string) => {
    const spec = catalog.functions[fn];
    if (!spec || !apiOnly.has(fn)) return fn;
    return `${spec.feature ?? 'platform'} api ${JSON.stringify([...spec.needs].map((n) => JSON.stringify(n)).sort())}`;
  };
  // The bound of what sharing could do: every function of a feature with the same needs in one.
  const everything = (fn: string) => {
    const spec = catalog.functions[fn];
    return spec ? `${spec.feature ?? 'platform'} all ${JSON.stringify([...spec.needs].map((n) => JSON.stringify(n)).sort())}` : fn;
  };
  return [
    { plan: 'one function per route (now)', groupOf: (fn) => fn },
    { plan: 'API shared per feature and IAM group', groupOf: shared },
    { plan: 'all of a feature per IAM group', groupOf: everything },
  ];
}

/**
 * Every plan at 5, 15 and 45 minutes of idle lifetime, as logged and at a person's pace of 2 minutes. A group's init is the slowest of its
 * functions' whole-process cold init as the bundle bench measured it (a shared bundle holds them
 * all, so this is from below), or `fallbackInitMs` where none was measured.
 */
export function coldStartRows(
  log: readonly Invocation[],
  catalog: CatalogLike,
  initOfFn: (fn: string) => number | undefined,
  fallbackInitMs: number,
) {
  return sharingPlans(catalog).flatMap(({ plan, groupOf }) => {
    const init = new Map<string, number>();
    for (const fn of Object.keys(catalog.functions)) {
      const g = groupOf(fn);
      init.set(g, Math.max(init.get(g) ?? 0, initOfFn(fn) ?? fallbackInitMs));
    }
    return [0, personPaceMinutes].flatMap((paceMinutes) =>
      [5, 15, 45].map((idleMinutes) =>
        coldModel(log, { idleMinutes, paceMinutes, plan, groupOf, initMs: (g) => init.get(g) ?? fallbackInitMs }),
      ),
    );
  });
}
