import { describe, expect, it } from 'vitest';
import { amend, changeStatus } from '../../shared/grants/amendments';
import { allocateDirect } from '../../shared/pools/awards';
import { export360Giving, grantModified } from '../../shared/pools/giving360';
import { validate360 } from '../support/giving360';
import { memorySystem, organisation } from '../support/memory';
import { memoryPool } from '../support/memory-grant';
import { fundedPool } from '../support/usecases';

describe("a grant's dateModified in 360Giving", () => {
  it('is its award, or the latest amendment of what the record shows (amount, dates); conditions and status do not count', () => {
    const grant = { awardedAt: '2026-04-01T09:00:00.000Z' };
    expect(grantModified(grant, [])).toBe('2026-04-01T09:00:00.000Z');
    const changes = [
      { kind: 'dates', at: '2026-05-02T10:00:00.000Z' },
      { kind: 'amount', at: '2026-06-03T11:00:00.000Z' },
      { kind: 'conditions', at: '2026-07-04T12:00:00.000Z' },
      { kind: 'status', at: '2026-08-05T13:00:00.000Z' },
    ];
    expect(grantModified(grant, changes)).toBe('2026-06-03T11:00:00.000Z');
    expect(grantModified(grant, changes.slice(0, 1))).toBe('2026-05-02T10:00:00.000Z');
    expect(grantModified(grant, changes.slice(2))).toBe('2026-04-01T09:00:00.000Z');
  });

  it('on the in-memory stores: the same package however late it is asked for; an amendment dates only its grant', async () => {
    const sys = memorySystem(new Date('2026-04-01T09:00:00Z'));
    const admin = await sys.admin();
    const lead = await organisation(sys, admin, 'Wyvernshire County Council');
    const member = await organisation(sys, admin, 'Harbourside Trust');
    const provider = await organisation(sys, admin, 'Eastbrook CVS', 'provider');
    const { pool } = await fundedPool(sys, [lead, member], lead, 'Wyvern Fund', 100_000);
    const award = (title: string) =>
      allocateDirect(sys.deps, lead.caller, pool.id, {
        recipientOrgId: provider.org.id,
        title,
        amount: 20_000,
        currency: 'GBP',
        durationMonths: 12,
        plannedStart: '2026-07-01',
      });
    const a = await award('Grant A');
    sys.advanceDays(1);
    const b = await award('Grant B');
    const json = async () => JSON.stringify(await export360Giving(sys.deps, lead.caller, pool.id));
    const first = await json();
    sys.advanceDays(10);
    expect(await json()).toBe(first);

    // 12 April 2026, 09:00 UTC: grant A starts later.
    await amend(sys.deps, lead.caller, a.id, {
      kind: 'dates',
      plannedStart: '2026-09-01',
      plannedEnd: '2027-08-31',
      reason: 'Later start',
    });
    sys.advanceDays(1);
    await changeStatus(sys.deps, lead.caller, b.id, { status: 'suspended', reason: 'A review' });
    const pkg = await export360Giving(sys.deps, lead.caller, pool.id);
    expect(pkg.grants.map((g) => [g.title, g.plannedDates[0]?.startDate, g.dateModified])).toEqual([
      ['Grant A', '2026-09-01', '2026-04-12T09:00:00.000Z'],
      ['Grant B', '2026-07-01', '2026-04-02T09:00:00.000Z'],
    ]);
    expect(pkg.issued).toBe('2026-04-12');
    expect(validate360(pkg)).toEqual([]);
  });
});

describe("a grant's awardDate in 360Giving", () => {
  it('is the day in London: awarded at 00:30 BST on 1 July 2026 (23:30 UTC on 30 June), it is 1 July', async () => {
    const { sys, d, lead, recipient, pool } = await memoryPool(new Date('2026-06-30T23:30:00Z'));
    const award = { recipientOrgId: recipient.org.id, title: 'Night award', amount: 20_000, currency: 'GBP', durationMonths: 12 };
    await allocateDirect(d, lead.caller, pool.id, { ...award, plannedStart: '2026-07-01' });
    const pkg = (await export360Giving(sys.deps, lead.caller, pool.id)) as { grants: { awardDate: string }[] };
    expect(pkg.grants.map((g) => g.awardDate)).toEqual(['2026-07-01']);
  });
});
