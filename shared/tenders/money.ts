import { awardGrant } from '../grants/award';
import type { FundingShare } from '../pools/grant';
import { reservation, unreservation } from '../pools/ledger';
import { loadPool } from '../pools/pools';
import { parseBucketKey } from '../pools/restriction';
import { type LedgerWrite, plannedAgainst } from '../pools/store';
import { makeEvent, subject, type TenderChange, type TendersEvent, tenderEventData } from './events';
import { type LotWinner, lotAwarded } from './lot-awarded';
import type { ReservedShare } from './process';
import type { TendersDeps } from './store';
import { budgetOf, type Tender } from './tender';

/**
 * The tender's money moves in the pool's ledger in the same transaction as the tender's change.
 * Each function here runs inside `changeTender`'s attempt and reads the pool there: a stale write
 * to either (the tender's version or the pool's sequence) re-runs the whole change, with one
 * attempt budget, instead of a pool retry loop inside a tender one.
 */
type Deps = Pick<TendersDeps, 'pools' | 'tenders' | 'tenderLedger' | 'clock'>;

/**
 * Publishes the tender with its budget reserved: each funder's contribution comes out of its own
 * available money, and the tender item, the ledger entry and both events are one transaction.
 * A funder without enough money is refused by name and nothing changes.
 */
export async function reserveAndPublish(deps: Deps, tender: Tender, next: Partial<Tender>, actor: string): Promise<Tender> {
  const now = deps.clock.now();
  const pool = await loadPool(deps, tender.poolId);
  const available = new Map((await deps.pools.listBuckets(pool.id)).filter((b) => b.available > 0).map((b) => [b.bucket, b.available]));
  const b = { bank: 0, available, committed: new Map(), paid: new Map(), reserved: new Map() };
  const contributions = tender.funders.map((f) => ({ funderOrgId: f.orgId, amount: f.amount }));
  const { entry, shares } = reservation(b, tender.id, contributions, { purpose: tender.purpose }, `reserved for tender "${tender.title}"`);
  const reserved: ReservedShare[] = [...shares].map(([bucket, amount]) => ({ bucket, ...parseBucketKey(bucket), amount }));
  const saved: Tender = { ...tender, ...next, reserved, version: tender.version + 1 };
  const write: LedgerWrite = {
    ...plannedAgainst(pool, entry, now, actor),
    totals: { reserved: budgetOf(tender) },
    buckets: reserved.map((r) => ({
      bucket: r.bucket,
      funderOrgId: r.funderOrgId,
      restriction: r.restriction,
      delta: { available: -r.amount, reserved: r.amount },
    })),
    event: makeEvent(
      'tender.published',
      subject.tender(tender.id),
      actor,
      { tenderId: tender.id, poolId: pool.id, reserved: budgetOf(tender), status: saved.status },
      now,
    ),
  };
  await deps.tenderLedger.saveTenderWithLedger(saved, tender.version, write);
  return saved;
}

/** Hands back whatever the tender still holds (cancelled, unsuccessful, or awarded below budget), with the tender's change. */
export async function releaseReserve<K extends TendersEvent>(
  deps: Deps,
  tender: Tender,
  next: Partial<Tender>,
  type: K,
  actor: string,
  data: TenderChange<K, 'released'>,
): Promise<Tender> {
  const now = deps.clock.now();
  const held = tender.reserved.reduce((a, r) => a + r.amount, 0);
  const saved: Tender = { ...tender, ...next, reserved: tender.reserved.map((r) => ({ ...r, amount: 0 })), version: tender.version + 1 };
  const event = makeEvent(
    type,
    subject.tender(tender.id),
    actor,
    tenderEventData<K>({ tenderId: tender.id, status: saved.status, released: held }, data),
    now,
  );
  if (held === 0) {
    await deps.tenders.saveTender(saved, tender.version, event);
    return saved;
  }
  const pool = await loadPool(deps, tender.poolId);
  // What the tender still holds, bucket by bucket, as the ledger's planner reads it.
  const reservedNow = new Map([[tender.id, new Map(tender.reserved.filter((r) => r.amount > 0).map((r) => [r.bucket, r.amount]))]]);
  const b = { bank: 0, available: new Map<string, number>(), committed: new Map(), paid: new Map(), reserved: reservedNow };
  const { entry, shares } = unreservation(b, tender.id, `released from tender "${tender.title}"`);
  await deps.tenderLedger.saveTenderWithLedger(saved, tender.version, {
    ...plannedAgainst(pool, entry, now, actor),
    totals: { reserved: -held },
    buckets: [...shares].map(([bucket, amount]) => ({
      bucket,
      ...parseBucketKey(bucket),
      delta: { available: amount, reserved: -amount },
    })),
    event,
  });
  return saved;
}

/**
 * Awards one lot: a grant to the winner for its price (awardGrant, from the lot's reserve), with
 * the tender's change and `tender.lot-awarded` (the lot, the price, the winner): the grant, its
 * shares, the ledger entry, the tender and both events are one write.
 */
export async function awardLotFromReserve(
  deps: Deps,
  tender: Tender,
  award: { lot: { id: string; title: string }; grantId: string; price: number; winner: LotWinner; durationMonths: number },
  next: Partial<Tender>,
  actor: string,
): Promise<{ tender: Tender; shares: FundingShare[] }> {
  const now = deps.clock.now();
  const pool = await loadPool(deps, tender.poolId);
  const { lot, grantId, price, winner, durationMonths } = award;
  const title = `${tender.title}: ${lot.title}`;
  const source = { kind: 'lot' as const, tenderId: tender.id, lotId: lot.id, tenderTitle: tender.title, reserved: tender.reserved };
  const request = { recipientOrgId: winner.orgId, title, amount: price, durationMonths };
  const { grant, shares, write } = awardGrant(pool, { grantId, request, source, actor }, now);
  const spent = new Map(shares.map((s) => [s.bucket, s.amount]));
  const reserved = tender.reserved.map((r) => ({ ...r, amount: r.amount - (spent.get(r.bucket) ?? 0) }));
  const saved: Tender = { ...tender, ...next, reserved, version: tender.version + 1 };
  const event = lotAwarded(saved, { lot, price, winner, grantId, title }, grant, actor, now);
  await deps.tenderLedger.saveTenderWithLedger(saved, tender.version, write, event);
  return { tender: saved, shares };
}
