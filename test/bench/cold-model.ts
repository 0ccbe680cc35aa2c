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
  plan: string;
  groups: number;
  byKind: Record<InvocationKind, { invocations: number; cold: number; share: number }>;
  /** All invocations. */
  share: number;
  /** What a staff member waits for a page: handler time + init when cold, ms. */
  staffPage: { p50: number; p95: number };
}

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

export function coldModel(
  log: readonly Invocation[],
  o: { idleMinutes: number; plan: string; groupOf: (fn: string) => string; initMs: (group: string) => number },
): ColdFigures {
  const idleMs = o.idleMinutes * 60_000;
  const lastEnd = new Map<string, number>();
  const byKind = Object.fromEntries(invocationKinds.map((k) => [k, { invocations: 0, cold: 0, share: 0 }])) as ColdFigures['byKind'];
  const waits: number[] = [];
  // The log's order is the order they ended; by time, stable, so a burst keeps its order.
  const ordered = log.map((inv, i) => ({ inv, i })).sort((a, b) => a.inv.at - b.inv.at || a.i - b.i);
  let cold = 0;
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
    }
    if (inv.kind === 'staff page') waits.push(inv.ms + (isCold ? o.initMs(group) : 0));
  }
  for (const k of Object.values(byKind)) k.share = k.invocations ? round1((100 * k.cold) / k.invocations) : 0;
  return {
    idleMinutes: o.idleMinutes,
    plan: o.plan,
    groups: new Set(log.map((i) => o.groupOf(i.fn))).size,
    byKind,
    share: log.length ? round1((100 * cold) / log.length) : 0,
    staffPage: { p50: round1(quantile(waits, 0.5)), p95: round1(quantile(waits, 0.95)) },
  };
}

/** The table the bench prints: per plan and idle lifetime, the cold share per kind and the staff page wait. */
export function coldTable(rows: readonly ColdFigures[]): string {
  const head = ['plan', 'idle', 'functions', ...invocationKinds.map((k) => `cold ${k}`), 'cold all', 'staff page p50', 'p95'];
  const body = rows.map((r) => [
    r.plan,
    `${r.idleMinutes} min`,
    String(r.groups),
    ...invocationKinds.map((k) => `${r.byKind[k].share}% of ${r.byKind[k].invocations}`),
    `${r.share}%`,
    `${r.staffPage.p50} ms`,
    `${r.staffPage.p95} ms`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  return [head, ...body].map((r) => r.map((c, i) => c.padEnd(widths[i] as number)).join('  ')).join('\n');
}
