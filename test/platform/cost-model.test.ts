import { describe, expect, it } from 'vitest';
import { measured } from '../../shared/platform/usage';
import { type ColdFigures, personPaceMinutes } from '../bench/cold-model';
import { coldUsage, costModel } from '../bench/cost';
import type { RunFigures } from '../bench/demo-year';

/** Every counter at zero: what an invocation that does nothing used. */
const { usage: none } = await measured(async () => undefined);

/** A run of exactly one month (30.44 days) that did nothing but what each case sets. */
const run = (usage: Partial<RunFigures['usage']> = {}, days = 30.44): RunFigures => ({
  days,
  usage: { ...none, ...usage },
  emails: 0,
  events: 0,
  transitions: {},
  routes: [],
  scenario: {},
  invocations: [],
});
const lineOf = (c: ReturnType<typeof costModel>, starts: string) => c.usage.find((l) => l.what.startsWith(starts));

describe('the cost model', () => {
  it('bills the cold starts’ INIT as GB-seconds at 512 MB, sharing the free 400,000 with the handlers', () => {
    // 3,600,000 ms of init = 3,600 s × 0.5 GB = 1,800 GB-s; × $0.0000133334 = $0.02400012.
    const alone = lineOf(costModel(run(), { front: 'waf off', coldInitMs: 3_600_000 }), 'Lambda INIT');
    expect(alone?.quantity).toBe(1800);
    expect(alone?.usd).toBeCloseTo(0.02400012, 10);
    expect(alone?.afterFree).toBe(0); // inside the free 400,000 GB-s
    // Handlers used 799,000 s × 0.5 = 399,500 GB-s: 500 free are left, so 1,300 are paid: $0.01733342.
    const busy = lineOf(costModel(run({ lambdaMilliseconds: 799_000_000 }), { front: 'waf off', coldInitMs: 3_600_000 }), 'Lambda INIT');
    expect(busy?.afterFree).toBeCloseTo(0.01733342, 10);
    // A two-month run: half of it a month, 900 GB-s.
    expect(lineOf(costModel(run({}, 60.88), { front: 'waf off', coldInitMs: 3_600_000 }), 'Lambda INIT')?.quantity).toBe(900);
  });

  it('takes the INIT and the secret reads from the 15-minute row of the stack as it is', () => {
    const kind = (cold: number) => ({ invocations: 100, cold, share: 0 });
    const row = (idleMinutes: number, coldInitMs: number): ColdFigures => ({
      idleMinutes,
      paceMinutes: personPaceMinutes,
      plan: 'one function per route (now)',
      groups: 3,
      byKind: { 'staff page': kind(5), 'link page': kind(3), api: kind(2), 'workflow step': kind(7), event: kind(11) },
      share: 0,
      coldInitMs,
      staffPage: { p50: 0, p95: 0 },
      linkPage: { p50: 0, p95: 0 },
    });
    // Reads: 5 + 3 + 2 cold routed invocations; workflow steps and events do not pass the front door.
    expect(coldUsage([row(5, 1), row(15, 2_000), row(45, 3)])).toEqual({ coldInitMs: 2_000, secretReads: 10 });
    // 20,000 reads a month × $0.05 per 10,000 = $0.10; the secret itself $0.40 a month, fixed.
    const c = costModel(run(), { front: 'waf off', secretReads: 20_000 });
    expect(lineOf(c, 'Secrets Manager')?.usd).toBeCloseTo(0.1, 10);
    expect(c.fixed.find((f) => f.what.startsWith('Secrets Manager'))?.usd).toBe(0.4);
  });

  it('puts the front door’s three choices side by side', () => {
    const fixedOf = (front: 'waf off' | 'waf web acl' | 'flat-rate plan', apiRequests: number) =>
      costModel(run({ apiRequests }), { front }).fixed.at(-1);
    expect(fixedOf('waf web acl', 500_000)?.usd).toBe(6); // $5 web ACL + $1 rule
    expect(fixedOf('flat-rate plan', 500_000)?.usd).toBe(0); // Free plan: 1,000,000 requests
    expect(fixedOf('flat-rate plan', 2_000_000)?.usd).toBe(15); // Pro plan: 10,000,000
    const flat = costModel(run({ apiRequests: 500_000 }), { front: 'flat-rate plan' });
    expect(lineOf(flat, 'CloudFront requests')).toBeUndefined();
    expect(lineOf(flat, 'WAF requests')).toBeUndefined();
    // WAF web ACL: 500,000 requests × $0.60 per million = $0.30.
    expect(lineOf(costModel(run({ apiRequests: 500_000 }), { front: 'waf web acl' }), 'WAF requests')?.usd).toBeCloseTo(0.3, 10);
  });
});
