import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/platform/errors';
import { largestRemainder } from '../../shared/platform/money';
import {
  allocation,
  apply,
  awardFromReserve,
  type Balances,
  contribution,
  emptyBalances,
  type LedgerEntry,
  payment,
  release,
  replay,
  reservation,
  returned,
  unreservation,
} from '../../shared/pools/ledger';
import { checkReceipt, type Pledge, pledged, preparePledgeYears, receivedOn } from '../../shared/pools/pledge';
import { bucketKey, canFund, parseBucketKey, type Restriction } from '../../shared/pools/restriction';

const funders = ['F1', 'F2', 'F3', 'F4'];
const lots = ['north', 'south'];
const restriction: fc.Arbitrary<Restriction> = fc.oneof(
  fc.constant<Restriction>({ kind: 'core' }),
  fc.constantFrom(...lots).map((lotId): Restriction => ({ kind: 'restricted', lotId })),
  fc.constant<Restriction>({ kind: 'restricted', purpose: 'volunteering' }),
);
const pence = fc.oneof(
  fc.integer({ min: 1, max: 999 }),
  fc.integer({ min: 1, max: 50_000_000 }),
  fc.integer({ min: 1, max: 2_000_000_000_000 }),
);
const op = fc.oneof(
  fc.record({ kind: fc.constant('pledge' as const), funder: fc.constantFrom(...funders), restriction, amount: pence }),
  fc.record({ kind: fc.constant('contribute' as const), pledge: fc.nat(20), amount: pence }),
  fc.record({
    kind: fc.constant('allocate' as const),
    amount: pence,
    lotId: fc.option(fc.constantFrom(...lots), { nil: undefined }),
    purpose: fc.option(fc.constant('volunteering'), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('pay' as const), grant: fc.nat(20), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('raise' as const), grant: fc.nat(20), amount: pence }),
  fc.record({ kind: fc.constant('cut' as const), grant: fc.nat(20), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('return' as const), grant: fc.nat(20), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('reserve' as const),
    contributions: fc.uniqueArray(fc.record({ funderOrgId: fc.constantFrom(...funders), amount: pence }), {
      minLength: 1,
      maxLength: 3,
      selector: (c) => c.funderOrgId,
    }),
  }),
  fc.record({ kind: fc.constant('award-lot' as const), tender: fc.nat(10), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('unreserve' as const), tender: fc.nat(10) }),
);

describe('pool ledger (property-based)', () => {
  it('over 10,000 generated sequences: receipts stay within pledges, entries balance, nothing goes negative, shares are exact, no funder pays beyond what it gave', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        const b: Balances = emptyBalances();
        const entries: LedgerEntry[] = [];
        const grants: { id: string; amount: number; lotId?: string; purpose?: string; shares: Map<string, number> }[] = [];
        const contributed = new Map<string, number>();
        const pledges: Pledge[] = [];
        const tenders: { id: string; reserved: Map<string, number> }[] = [];
        const write = (e: LedgerEntry) => {
          expect(e.postings.reduce((a, p) => a + p.amount, 0)).toBe(0);
          apply(b, e);
          entries.push(e);
        };
        for (const o of ops) {
          try {
            if (o.kind === 'pledge') {
              const years = preparePledgeYears([{ financialYear: '2026-27', amount: o.amount }]);
              pledges.push({
                id: `P${pledges.length}`,
                poolId: 'pool',
                funderOrgId: o.funder,
                restriction: o.restriction,
                years,
                createdAt: '',
              });
            } else if (o.kind === 'contribute') {
              const p = pledges[o.pledge % Math.max(pledges.length, 1)];
              if (!p) continue;
              const year = checkReceipt(p, '2026-27', o.amount); // refuses over-receipt with a conflict
              const bucket = bucketKey(p.funderOrgId, p.restriction);
              write(contribution(bucket, o.amount, 'c'));
              year.received += o.amount;
              contributed.set(bucket, (contributed.get(bucket) ?? 0) + o.amount);
            } else if (o.kind === 'allocate') {
              const id = `G${grants.length}`;
              const target = { lotId: o.lotId, purpose: o.purpose };
              const { entry, shares } = allocation(b, id, o.amount, target, 'a');
              write(entry);
              grants.push({ id, amount: o.amount, ...target, shares });
              // Every share comes from a bucket whose restriction allows this grant.
              for (const bucket of shares.keys()) expect(canFund(parseBucketKey(bucket).restriction, target)).toBe(true);
            } else if (o.kind === 'raise' || o.kind === 'cut') {
              // Amendments: a raise allocates more under the same grant; a cut releases unpaid commitment.
              const g = grants[o.grant % Math.max(grants.length, 1)];
              if (!g) continue;
              if (o.kind === 'raise') {
                const { entry, shares } = allocation(b, g.id, o.amount, { lotId: g.lotId, purpose: g.purpose }, 'raise');
                write(entry);
                for (const [bucket, v] of shares) g.shares.set(bucket, (g.shares.get(bucket) ?? 0) + v);
                g.amount += o.amount;
              } else {
                const amount = Math.floor(sum(b.committed.get(g.id)) * o.fraction);
                if (amount <= 0) continue;
                const entry = release(b, g.id, amount, 'cut');
                write(entry);
                for (const p of entry.postings.filter((x) => x.account.startsWith('grant:'))) {
                  const bucket = p.account.split(':').slice(2).join(':');
                  g.shares.set(bucket, (g.shares.get(bucket) ?? 0) - p.amount);
                }
                g.amount -= amount;
              }
            } else if (o.kind === 'reserve') {
              const id = `T${tenders.length}`;
              const before = new Map(b.available);
              const { entry, shares } = reservation(b, id, o.contributions, {}, 'reserve');
              write(entry);
              tenders.push({ id, reserved: new Map(shares) });
              // Each funder's contribution comes exactly from its own buckets.
              for (const c of o.contributions) {
                const own = [...shares].filter(([bucket]) => parseBucketKey(bucket).funderOrgId === c.funderOrgId);
                expect(own.reduce((a, [, v]) => a + v, 0)).toBe(c.amount);
                for (const [bucket, v] of own) expect(v).toBeLessThanOrEqual(before.get(bucket) ?? 0);
              }
            } else if (o.kind === 'award-lot') {
              const t = tenders[o.tender % Math.max(tenders.length, 1)];
              if (!t) continue;
              const amount = Math.floor(sum(b.reserved.get(t.id)) * o.fraction);
              if (amount <= 0) continue;
              const id = `G${grants.length}`;
              const { entry, shares } = awardFromReserve(b, t.id, id, amount, 'lot');
              write(entry);
              grants.push({ id, amount, shares });
              for (const [bucket, v] of shares) t.reserved.set(bucket, (t.reserved.get(bucket) ?? 0) - v);
            } else if (o.kind === 'unreserve') {
              const t = tenders[o.tender % Math.max(tenders.length, 1)];
              if (!t) continue;
              write(unreservation(b, t.id, 'unreserve').entry);
              t.reserved.clear();
              expect(b.reserved.get(t.id)?.size ?? 0).toBe(0);
            } else {
              const g = grants[o.grant % Math.max(grants.length, 1)];
              if (!g) continue;
              const base = o.kind === 'pay' ? sum(b.committed.get(g.id)) : sum(b.paid.get(g.id));
              const amount = Math.floor(base * o.fraction);
              if (amount <= 0) continue;
              write(o.kind === 'pay' ? payment(b, g.id, amount, 'p') : returned(b, g.id, amount, 'r'));
            }
          } catch (error) {
            // Refusals are fine (not enough money); anything else is a bug.
            if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
          }
          // Invariants after every step: never more received than pledged.
          for (const p of pledges) expect(receivedOn(p)).toBeLessThanOrEqual(pledged(p));
          expect(b.bank).toBeGreaterThanOrEqual(0);
          for (const v of b.available.values()) expect(v).toBeGreaterThanOrEqual(0);
          // What a tender still holds is what it reserved less what its lots took, bucket by bucket.
          for (const t of tenders) {
            for (const [bucket, v] of t.reserved) expect(b.reserved.get(t.id)?.get(bucket) ?? 0).toBe(v);
          }
          for (const g of grants) {
            expect(sum(g.shares)).toBe(g.amount);
            for (const v of g.shares.values()) expect(v).toBeGreaterThanOrEqual(0);
          }
        }
        // Re-deriving from the entries alone gives the same balances.
        const again = replay(entries);
        expect(again.bank).toBe(b.bank);
        expect([...again.available]).toEqual([...b.available]);
        // Every penny in the bank is available, committed to a grant, or reserved for a tender.
        const all = (m: Map<string, Map<string, number>>) => [...m.values()].reduce((a, x) => a + sum(x), 0);
        expect(b.bank).toBe(sum(b.available) + all(b.committed) + all(b.reserved));
        // Each funder's attributed total never exceeds what it put in (plus what came back to it).
        const attributed = new Map<string, number>();
        for (const g of grants) for (const [bucket, share] of g.shares) attributed.set(bucket, (attributed.get(bucket) ?? 0) + share);
        const returnedTo = new Map<string, number>();
        for (const e of entries.filter((x) => x.type === 'return')) {
          for (const p of e.postings)
            if (p.account.startsWith('fund:')) returnedTo.set(p.account.slice(5), (returnedTo.get(p.account.slice(5)) ?? 0) - p.amount);
        }
        for (const [bucket, total] of attributed) {
          expect(total).toBeLessThanOrEqual((contributed.get(bucket) ?? 0) + (returnedTo.get(bucket) ?? 0));
        }
        // Money is conserved: bank = received − paid + returned.
        const byType = (t: string) =>
          entries.filter((e) => e.type === t).reduce((a, e) => a + (e.postings.find((p) => p.account === 'bank')?.amount ?? 0), 0);
        expect(b.bank).toBe(byType('contribution') + byType('payment') + byType('return'));
      }),
      { numRuns: 10_000 },
    );
  });

  it('largest remainder: parts are whole, sum exactly, and stay within one penny of the exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        (weights, total) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = largestRemainder(total, weights);
          expect(parts.reduce((a, p) => a + p, 0)).toBe(total);
          const sumW = weights.reduce((a, w) => a + w, 0);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            expect(Math.abs(p - (total * (weights[i] as number)) / sumW)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('the worked example in docs/ARCHITECTURE.md', () => {
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    const b = emptyBalances();
    apply(b, contribution(bucketKey('F1', { kind: 'core' }), 60_000, 'c'));
    apply(b, contribution(bucketKey('F2', { kind: 'core' }), 30_000, 'c'));
    apply(b, contribution(bucketKey('F3', { kind: 'restricted', lotId: 'north' }), 10_001, 'c'));
    const { entry, shares } = allocation(b, 'G1', 50_000, { lotId: 'north' }, 'a');
    apply(b, entry);
    // Exact shares 29,999.70 / 14,999.85 / 5,000.45: floors leave 2p, which go to the largest remainders.
    expect(Object.fromEntries(shares)).toEqual({ 'F1|core': 30_000, 'F2|core': 15_000, 'F3|lot:north': 5_000 });
    // North-restricted money cannot fund a grant in the south: only core money is eligible.
    expect(() => allocation(b, 'G2', 50_000, { lotId: 'south' }, 'a')).toThrowError(/£500.00 needed, £450.00 available/);
    const south = allocation(b, 'G2', 30_000, { lotId: 'south' }, 'a');
    expect(Object.fromEntries(south.shares)).toEqual({ 'F1|core': 20_000, 'F2|core': 10_000 });
  });
});

function sum(m: Map<string, number> | undefined): number {
  return [...(m ?? new Map<string, number>()).values()].reduce((a, v) => a + v, 0);
}
