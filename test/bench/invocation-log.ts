import type { Catalog } from '../../infra/catalog';
import type { LocalLambdas } from '../../infra/local/lambdas';
import type { LocalClock } from '../../infra/local/virtual-clock';

/** What an invocation was for, as a person or the system would feel its cold start. */
export type InvocationKind = 'staff page' | 'link page' | 'api' | 'workflow step' | 'event';
export const invocationKinds: readonly InvocationKind[] = ['staff page', 'link page', 'api', 'workflow step', 'event'];

/** One invocation of the run, on the run's clock: when it ended (ms since the epoch), how long the handler took. */
export interface Invocation {
  fn: string;
  at: number;
  ms: number;
  kind: InvocationKind;
}

/**
 * The kind of an invocation: a routed one by its route (a staff page, a page behind an emailed
 * link or calendar feed, or the JSON API), a workflow's task by the workflows' substitutions,
 * anything else (rules, schedules, the stream router) an event.
 */
export function kindOf(catalog: Pick<Catalog, 'routes' | 'workflows'>, fn: string, event: unknown): InvocationKind {
  const routeKey = (event as { routeKey?: unknown } | null)?.routeKey;
  if (typeof routeKey === 'string') {
    const route = catalog.routes.find((r) => `${r.method} ${r.path}` === routeKey);
    if (route?.auth === 'page') return 'staff page';
    if (route?.auth === 'public' && route.path.includes('{token')) return 'link page';
    return 'api';
  }
  if (catalog.workflows.some((w) => Object.values(w.substitutions).includes(fn))) return 'workflow step';
  return 'event';
}

/**
 * Logs every invocation of a run with its time on the run's clock (issue 27: the cold-start
 * model replays this log), beside whatever else is listening to the runtime's invocations.
 */
export function recordInvocations(lambdas: LocalLambdas, clock: LocalClock, catalog: Pick<Catalog, 'routes' | 'workflows'>) {
  const log: Invocation[] = [];
  const before = lambdas.onInvoked;
  lambdas.onInvoked = (i) => {
    before?.(i);
    log.push({ fn: i.fn, at: clock.now().getTime(), ms: Math.round(i.ms * 10) / 10, kind: kindOf(catalog, i.fn, i.event) });
  };
  return () => log;
}
