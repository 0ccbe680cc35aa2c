import { makeEvent as poolEvent, subject as poolSubject } from '../pools/events';
import type { FundingShare, Grant } from '../pools/grant';
import { plannedEnd } from '../pools/grant';
import { awardFromReserve, reservation, unreservation } from '../pools/ledger';
import { withFreshPool } from '../pools/pools';
import { parseBucketKey } from '../pools/restriction';
import type { LedgerWrite } from '../pools/store';
import { makeEvent, subject, type TenderChange, type TendersEvent, tenderEventData } from './events';
import type { ReservedShare } from './process';
import type { TendersDeps } from './store';
import { budgetOf, type Tender } from './tender';

type Deps = Pick<TendersDeps, 'pools' | 'tenders' | 'tenderLedger' | 'clock'>;

/** What the tender still holds, bucket by bucket, as the ledger's planner reads it. */
function heldBalances(tender: Tender) {
  const reserved = new Map<string, Map<string, number>>();
  reserved.set(tender.id, new Map(tender.reserved.filter((r) => r.amount > 0).map((r) => [r.bucket, r.amount])));
  return { bank: 0, available: new Map<string, number>(), committed: new Map(), paid: new Map(), reserved };
}

/**
 * Publishes the tender with its budget reserved: each funder's contribution comes out of its own
 * available money, and the tender item, the ledger entry and both events are one transaction.
 * A funder without enough money is refused by name and nothing changes.
 */
export async function reserveAndPublish(deps: Deps, tender: Tender, next: Partial<Tender>, actor: string): Promise<Tender> {
  const now = deps.clock.now();
  return withFreshPool(deps, tender.poolId, async (pool, buckets) => {
    const available = new Map((await buckets()).filter((b) => b.available > 0).map((b) => [b.bucket, b.available]));
    const b = { bank: 0, available, committed: new Map(), paid: new Map(), reserved: new Map() };
    const contributions = tender.funders.map((f) => ({ funderOrgId: f.orgId, amount: f.amount }));
    const { entry, shares } = reservation(
      b,
      tender.id,
      contributions,
      { purpose: tender.purpose },
      `reserved for tender "${tender.title}"`,
    );
    const reserved: ReservedShare[] = [...shares].map(([bucket, amount]) => ({ bucket, ...parseBucketKey(bucket), amount }));
    const saved: Tender = { ...tender, ...next, reserved, version: tender.version + 1 };
    const write: LedgerWrite = {
      poolId: pool.id,
      expectedSeq: pool.ledgerSeq,
      entry,
      at: now.toISOString(),
      actor,
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
  });
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
  return withFreshPool(deps, tender.poolId, async (pool) => {
    const { entry, shares } = unreservation(heldBalances(tender), tender.id, `released from tender "${tender.title}"`);
    await deps.tenderLedger.saveTenderWithLedger(saved, tender.version, {
      poolId: pool.id,
      expectedSeq: pool.ledgerSeq,
      entry,
      at: now.toISOString(),
      actor,
      totals: { reserved: -held },
      buckets: [...shares].map(([bucket, amount]) => ({
        bucket,
        ...parseBucketKey(bucket),
        delta: { available: amount, reserved: -amount },
      })),
      event,
    });
    return saved;
  });
}

/**
 * Awards one lot: a grant to the winner for its price, committed from the tender's reserve pro
 * rata to what each funder still holds in it, so each funder's share is exact and the parts sum
 * to the price. The grant, its shares, the ledger entry and the tender's change are one write.
 */
export async function awardLotFromReserve(
  deps: Deps,
  tender: Tender,
  lotId: string,
  award: { grantId: string; recipientOrgId: string; price: number; title: string; durationMonths: number; plannedStart: string },
  next: Partial<Tender>,
  actor: string,
): Promise<{ tender: Tender; shares: FundingShare[] }> {
  const now = deps.clock.now();
  return withFreshPool(deps, tender.poolId, async (pool) => {
    const { entry, shares } = awardFromReserve(
      heldBalances(tender),
      tender.id,
      award.grantId,
      award.price,
      `tender "${tender.title}", lot ${lotId}`,
    );
    const shareList: FundingShare[] = [...shares].map(([bucket, amount]) => ({
      bucket,
      ...parseBucketKey(bucket),
      amount,
      paid: 0,
      returned: 0,
    }));
    const reserved = tender.reserved.map((r) => ({ ...r, amount: r.amount - (shares.get(r.bucket) ?? 0) }));
    const grant: Grant = {
      id: award.grantId,
      recipientOrgId: award.recipientOrgId,
      title: award.title,
      amount: award.price,
      durationMonths: award.durationMonths,
      poolId: pool.id,
      consortiumId: pool.consortiumId,
      currency: pool.currency,
      fundingType: shareList.every((s) => s.restriction.kind === 'core') ? 'core' : 'restricted',
      plannedStart: award.plannedStart,
      plannedEnd: plannedEnd(award.plannedStart, award.durationMonths),
      awardedAt: now.toISOString(),
      awardedBy: actor,
      status: 'awarded',
      beneficiaryOrgIds: [],
      tenderId: tender.id,
      tenderLotId: lotId,
    };
    const saved: Tender = { ...tender, ...next, reserved, version: tender.version + 1 };
    await deps.tenderLedger.saveTenderWithLedger(saved, tender.version, {
      poolId: pool.id,
      expectedSeq: pool.ledgerSeq,
      entry,
      at: now.toISOString(),
      actor,
      totals: { reserved: -award.price, committed: award.price },
      buckets: shareList.map((s) => ({
        bucket: s.bucket,
        funderOrgId: s.funderOrgId,
        restriction: s.restriction,
        delta: { reserved: -s.amount, committed: s.amount },
      })),
      newGrant: { grant, shares: shareList },
      event: poolEvent(
        'grant.awarded',
        poolSubject.grant(grant.id),
        actor,
        { grantId: grant.id, poolId: pool.id, amount: grant.amount, recipientOrgId: grant.recipientOrgId, tenderId: tender.id },
        now,
      ),
    });
    return { tender: saved, shares: shareList };
  });
}
