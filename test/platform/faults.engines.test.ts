import { describe, expect, it } from 'vitest';
import { runFaultPlans } from '../proof/faults';

/**
 * The fault suite at the size CI can afford (`npm run proof` runs 200 plans): the money path
 * under seeded plans that fail steps, router batches and events, run some twice, and throttle
 * DynamoDB, with the invariants re-derived from the table after each plan.
 */
describe('the money path under injected faults', () => {
  it('keeps every invariant under three seeded plans, each injecting faults of every kind', async () => {
    const figures = await runFaultPlans({ plans: 3, firstSeed: 9001, rates: { lambda: 0.15, throttle: 0.05 } });
    expect(figures.violations).toEqual([]);
    expect(figures.plans).toBe(3);
    for (const kind of ['throw', 'timeout', 'twice', 'throttle']) expect(figures.byKind[kind]).toBeGreaterThan(0);
  }, 240_000);
});
