import { describe, expect, it } from 'vitest';
import { awardGrant } from '../../shared/grants/award';
import type { Bucket } from '../../shared/pools/store';

// What an award reads of the pool: its ids, currency and ledger sequence.
const pool = { id: 'P1', consortiumId: 'C1', currency: 'GBP' as const, ledgerSeq: 7 };

const bucket = (key: string, available: number): Bucket => ({
  bucket: key,
  funderOrgId: key.split('|')[0] as string,
  restriction: key.endsWith('core') ? { kind: 'core' } : { kind: 'restricted', lotId: key.split(':')[1] as string },
  available,
  received: available,
  committed: 0,
  paid: 0,
  returned: 0,
  reserved: 0,
});

// 23:30 UTC on 30 June is 00:30 on 1 July in London: the day the decision was made there.
const lateEvening = new Date('2026-06-30T23:30:00Z');
const request = { recipientOrgId: 'O9', title: 'Support', amount: 90_000, durationMonths: 12 };

describe('awardGrant: one award, whatever funds it', () => {
  it("from a round's proposal: shares pro rata to what is available, a London start, the ledger write with grant.awarded", () => {
    const buckets = [bucket('F1|core', 200_000), bucket('F2|core', 100_000), bucket('F3|lot:south', 50_000)];
    const { grant, shares, write } = awardGrant(
      pool,
      { grantId: 'G1', request, source: { kind: 'proposal', buckets, roundId: 'R1' }, actor: 'u1' },
      lateEvening,
    );
    expect(shares.map((s) => [s.bucket, s.amount])).toEqual([
      ['F1|core', 60_000],
      ['F2|core', 30_000],
    ]);
    expect(grant).toMatchObject({
      id: 'G1',
      poolId: 'P1',
      consortiumId: 'C1',
      amount: 90_000,
      fundingType: 'core',
      plannedStart: '2026-07-01',
      plannedEnd: '2027-06-30',
      awardedAt: lateEvening.toISOString(),
      roundId: 'R1',
      status: 'awarded',
    });
    expect(grant).not.toHaveProperty('tenderId');
    expect(write).toMatchObject({
      poolId: 'P1',
      expectedSeq: 7,
      totals: { committed: 90_000 },
      buckets: [
        { bucket: 'F1|core', delta: { available: -60_000, committed: 60_000 } },
        { bucket: 'F2|core', delta: { available: -30_000, committed: 30_000 } },
      ],
      newGrant: { grant, shares },
      event: { type: 'grant.awarded', subject: 'grant#G1', data: { grantId: 'G1', poolId: 'P1', amount: 90_000, recipientOrgId: 'O9' } },
    });
    // A stated start is kept.
    const stated = awardGrant(
      pool,
      { grantId: 'G2', request: { ...request, plannedStart: '2026-09-01' }, source: { kind: 'proposal', buckets }, actor: 'u1' },
      lateEvening,
    );
    expect([stated.grant.plannedStart, stated.grant.plannedEnd]).toEqual(['2026-09-01', '2027-08-31']);
  });

  it("from a tender's lot: shares pro rata to what each funder still holds for the tender, the same start rule", () => {
    const reserved = [
      { bucket: 'F1|core', amount: 100_000 },
      { bucket: 'F2|core', amount: 50_000 },
      { bucket: 'F3|core', amount: 0 },
    ];
    const { grant, shares, write } = awardGrant(
      pool,
      {
        grantId: 'G3',
        request,
        source: { kind: 'lot', tenderId: 'T1', lotId: 'north', tenderTitle: 'Support', reserved },
        actor: 'workflow',
      },
      lateEvening,
    );
    expect(shares.map((s) => [s.bucket, s.amount])).toEqual([
      ['F1|core', 60_000],
      ['F2|core', 30_000],
    ]);
    expect(grant).toMatchObject({ tenderId: 'T1', tenderLotId: 'north', plannedStart: '2026-07-01', beneficiaryOrgIds: [] });
    expect(grant).not.toHaveProperty('roundId');
    expect(write).toMatchObject({
      totals: { reserved: -90_000, committed: 90_000 },
      buckets: [
        { bucket: 'F1|core', delta: { reserved: -60_000, committed: 60_000 } },
        { bucket: 'F2|core', delta: { reserved: -30_000, committed: 30_000 } },
      ],
      entry: { memo: 'tender "Support", lot north' },
      event: { type: 'grant.awarded', data: { grantId: 'G3', tenderId: 'T1' } },
    });
  });

  it('refuses more than the source holds, with what is there (409)', () => {
    const reserved = [{ bucket: 'F1|core', amount: 10_000 }];
    expect(() =>
      awardGrant(
        pool,
        {
          grantId: 'G4',
          request,
          source: { kind: 'lot', tenderId: 'T1', lotId: 'north', tenderTitle: 'Support', reserved },
          actor: 'workflow',
        },
        lateEvening,
      ),
    ).toThrow(expect.objectContaining({ kind: 'conflict', details: expect.objectContaining({ needed: 90_000, available: 10_000 }) }));
  });
});
