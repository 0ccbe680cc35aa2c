import { describe, expect, it } from 'vitest';
import { runFaultPlans } from '../proof/faults';

/**
 * The fault suite at the size CI can afford (`npm run proof` runs 200 plans): the money path,
 * with a joint tender in its last weeks, under seeded plans that fail steps, router batches and
 * events, run some twice, and throttle DynamoDB, with the invariants re-derived from the table
 * after each plan. Seed 9001's tender is won on both lots by a bidder that gave no identifier.
 */
describe('the money path and a joint tender under injected faults', () => {
  it('keeps every invariant under two seeded plans, each injecting faults of every kind, AwardLot included', async () => {
    const figures = await runFaultPlans({ plans: 2, firstSeed: 9001, rates: { lambda: 0.15, throttle: 0.05 } });
    expect(figures.violations).toEqual([]);
    expect(figures.plans).toBe(2);
    expect(figures.tenders).toBe(2);
    for (const kind of ['throw', 'timeout', 'twice', 'throttle']) expect(figures.byKind[kind]).toBeGreaterThan(0);
    // Seeded, so every run faults the same steps: AwardLot, where a retry used to fail a lot, among them.
    expect(figures.byFunction['step:awardLot']).toBeGreaterThan(0);
  }, 300_000);
});
