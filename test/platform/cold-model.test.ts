import { describe, expect, it } from 'vitest';
import { catalog } from '../../infra/catalog';
import { coldModel, paced } from '../bench/cold-model';
import { type Invocation, kindOf } from '../bench/invocation-log';

const MIN = 60_000;
const at = (minutes: number) => Date.UTC(2026, 5, 1, 9) + minutes * MIN;

/**
 * A morning worked out by hand: a staff page at 09:00, 09:04, 09:20 and 10:30; a second page
 * function at 09:05; an API call at 09:10 and 09:12. Each handler takes 100 ms; init is 400 ms.
 */
/** An invocation of `fn` ending `minute` minutes after 09:00, taking `ms`. */
const call = (fn: string, minute: number, kind: Invocation['kind'], ms = 100): Invocation => ({ fn, at: at(minute), ms, kind });

const log: Invocation[] = [
  call('home', 0, 'staff page'),
  call('home', 4, 'staff page'),
  call('pools', 5, 'staff page'),
  call('getPool', 10, 'api'),
  call('getLedger', 12, 'api'),
  call('home', 20, 'staff page'),
  call('home', 90, 'staff page'),
];
const model = (idleMinutes: number, groupOf = (fn: string) => fn) => coldModel(log, { idleMinutes, plan: 'p', groupOf, initMs: () => 400 });

describe('the cold-start model', () => {
  it('an environment idle longer than the lifetime starts cold', () => {
    // 5 minutes: home cold at 0, warm at 4, cold at 20 (16 idle), cold at 90; pools cold; both API calls cold.
    const five = model(5);
    expect(five.byKind['staff page']).toEqual({ invocations: 5, cold: 4, share: 80 });
    expect(five.byKind.api).toEqual({ invocations: 2, cold: 2, share: 100 });
    expect(five.share).toBe(85.7);
    expect(five.coldInitMs).toBe(6 * 400);
    // 15 minutes: home at 20 is 16 minutes after the end of 09:04's request: still cold; at 45 it is warm.
    expect(model(15).byKind['staff page'].cold).toBe(4);
    expect(model(45).byKind['staff page'].cold).toBe(3);
  });

  it("at a person's pace, requests the log has at one instant come minutes apart, with what they set off", () => {
    const review = (minute: number) => call('review', minute, 'api', 50);
    const router = call('router', 0, 'event', 5);
    const burst: Invocation[] = [review(0), router, review(0), router, review(0), review(60)];
    expect(paced(burst, 3).map((i) => (i.at - at(0)) / MIN)).toEqual([0, 0, 3, 3, 6, 60]);
    const run = (paceMinutes: number, idleMinutes: number) =>
      coldModel(burst, { idleMinutes, paceMinutes, plan: 'p', groupOf: (fn) => fn, initMs: () => 400 }).byKind.api.cold;
    // As logged: cold at 0 and 60. Three minutes apart with a 2-minute lifetime: every one cold; 5 minutes: as logged.
    expect(run(0, 2)).toBe(2);
    expect(run(3, 2)).toBe(4);
    expect(run(3, 5)).toBe(2);
  });

  it('functions sharing an environment warm each other', () => {
    const shared = model(5, (fn) => (fn === 'getPool' || fn === 'getLedger' ? 'pools-api' : fn));
    expect(shared.byKind.api).toEqual({ invocations: 2, cold: 1, share: 50 });
    expect(shared.groups).toBe(3);
  });

  it('a staff member waits the handler time, and the init when cold', () => {
    // Staff requests (pages and API) at 5 minutes: 500, 100, 500, 500, 500, 500, 500 → p50 500;
    // at 45: pages 500, 100, 500, 100, 500 and API 500, 500 → sorted 100, 100, 500… → p50 500.
    expect(model(5).staffPage).toEqual({ p50: 500, p95: 500 });
    expect(model(45).staffPage).toEqual({ p50: 500, p95: 500 });
    expect(model(45).linkPage.p50).toBeNaN();
    const warmMostly = coldModel(
      [...log, ...Array.from({ length: 20 }, (_, i) => ({ fn: 'home', at: at(91 + i), ms: 100, kind: 'staff page' as const }))],
      {
        idleMinutes: 5,
        plan: 'p',
        groupOf: (fn) => fn,
        initMs: () => 400,
      },
    );
    expect(warmMostly.staffPage).toEqual({ p50: 100, p95: 500 });
  });

  it('kinds come from the catalog: a staff page, a link page, the API, a workflow step, an event', () => {
    const page = catalog.routes.find((r) => r.auth === 'page');
    const link = catalog.routes.find((r) => r.auth === 'public' && r.path.includes('{token'));
    const api = catalog.routes.find((r) => r.auth === 'staff');
    const step = Object.values(catalog.workflows[0]?.substitutions ?? {})[0] as string;
    expect(kindOf(catalog, page?.fn ?? '', { routeKey: `${page?.method} ${page?.path}` })).toBe('staff page');
    expect(kindOf(catalog, link?.fn ?? '', { routeKey: `${link?.method} ${link?.path}` })).toBe('link page');
    expect(kindOf(catalog, api?.fn ?? '', { routeKey: `${api?.method} ${api?.path}` })).toBe('api');
    expect(kindOf(catalog, step, { input: 1 })).toBe('workflow step');
    expect(kindOf(catalog, 'eventRouter', { Records: [] })).toBe('event');
  });
});
