import { stringify } from 'csv-stringify/sync';
import type { Caller } from '../consortia/caller';
import { notFound } from '../platform/errors';
import { poundsDecimal } from '../platform/money';
import { pledged as pledgedOn, receivedOn } from './pledge';
import { available, bankBalance } from './pool';
import { type PoolDeps, readablePool } from './pools';
import { restrictionKey } from './restriction';

const sum = (values: number[]): number => values.reduce((a, v) => a + v, 0);

/** Pool figures as stored; `reconcile` re-derives them from the ledger entries. */
export async function poolSummary(deps: PoolDeps, caller: Caller, poolId: string) {
  const { pool } = await readablePool(deps, caller, poolId);
  const [buckets, grants, pledges] = await Promise.all([
    deps.pools.listBuckets(poolId),
    deps.pools.listPoolGrants(poolId),
    deps.pools.listPledges(poolId),
  ]);
  const orgs = await deps.consortia.getOrganisations(pledges.map((p) => p.funderOrgId));
  const lots = pool.lots.map((lot) => {
    const restricted = buckets.filter(
      (b) => b.restriction.kind === 'restricted' && 'lotId' in b.restriction && b.restriction.lotId === lot.id,
    );
    const inLot = grants.filter((g) => g.lotId === lot.id);
    return {
      ...lot,
      restrictedReceived: sum(restricted.map((b) => b.received)),
      restrictedAvailable: sum(restricted.map((b) => b.available)),
      committed: sum(inLot.map((g) => g.amount)),
      grants: inLot.length,
    };
  });
  const funders = [...new Set(pledges.map((p) => p.funderOrgId))].map((orgId) => ({
    orgId,
    name: orgs.get(orgId)?.name,
    pledged: sum(pledges.filter((p) => p.funderOrgId === orgId).map(pledgedOn)),
    received: sum(pledges.filter((p) => p.funderOrgId === orgId).map(receivedOn)),
  }));
  return {
    id: pool.id,
    consortiumId: pool.consortiumId,
    name: pool.name,
    purpose: pool.purpose,
    currency: pool.currency,
    status: pool.status,
    pledged: pool.pledged,
    received: pool.received,
    committed: pool.committed,
    paid: pool.paid,
    returned: pool.returned,
    /** Set aside for tenders until they award, fail or are cancelled. */
    reserved: pool.reserved ?? 0,
    available: available(pool),
    bank: bankBalance(pool),
    outstandingCommitments: pool.committed - pool.paid,
    coreAvailable: sum(buckets.filter((b) => b.restriction.kind === 'core').map((b) => b.available)),
    lots,
    funders,
    grants: grants.length,
    ledgerEntries: pool.ledgerSeq,
  };
}

export async function funderStatement(deps: PoolDeps, caller: Caller, poolId: string, funderOrgId: string) {
  const { pool } = await readablePool(deps, caller, poolId);
  const [pledges, shares, buckets, orgs] = await Promise.all([
    deps.pools.listPledges(poolId),
    deps.pools.listFunderShares(funderOrgId, poolId),
    deps.pools.listBuckets(poolId),
    deps.consortia.getOrganisations([funderOrgId]),
  ]);
  const funder = orgs.get(funderOrgId);
  if (!funder) throw notFound('organisation', funderOrgId);
  const mine = pledges.filter((p) => p.funderOrgId === funderOrgId);
  const myBuckets = buckets.filter((b) => b.funderOrgId === funderOrgId);
  const grants = await Promise.all(
    [...new Set(shares.map((s) => s.grantId))].map(async (grantId) => {
      const found = await deps.pools.getGrant(grantId);
      const own = shares.filter((s) => s.grantId === grantId);
      return {
        grantId,
        title: found?.grant.title,
        recipientOrgId: found?.grant.recipientOrgId,
        grantAmount: found?.grant.amount ?? 0,
        share: sum(own.map((s) => s.amount)),
        paid: sum(own.map((s) => s.paid)),
        returned: sum(own.map((s) => s.returned)),
        restrictions: own.map((s) => restrictionKey(s.restriction)),
      };
    }),
  );
  return {
    pool: { id: pool.id, name: pool.name, currency: pool.currency },
    funder: { id: funder.id, name: funder.name, identifier: funder.identifier, funderType: funder.funderType },
    pledged: sum(mine.map(pledgedOn)),
    received: sum(mine.map(receivedOn)),
    attributedCommitted: sum(grants.map((g) => g.share)),
    attributedPaid: sum(grants.map((g) => g.paid)),
    returned: sum(grants.map((g) => g.returned)),
    available: sum(myBuckets.map((b) => b.available)),
    pledges: mine.map((p) => ({ id: p.id, restriction: restrictionKey(p.restriction), years: p.years })),
    grants,
  };
}

export function funderStatementCsv(s: Awaited<ReturnType<typeof funderStatement>>): string {
  return stringify(
    s.grants.map((g) => ({
      funder: s.funder.name,
      grant_id: g.grantId,
      title: g.title,
      grant_amount_gbp: poundsDecimal(g.grantAmount).toFixed(2),
      share_gbp: poundsDecimal(g.share).toFixed(2),
      paid_gbp: poundsDecimal(g.paid).toFixed(2),
      returned_gbp: poundsDecimal(g.returned).toFixed(2),
      restrictions: g.restrictions.join(' '),
    })),
    { header: true, columns: ['funder', 'grant_id', 'title', 'grant_amount_gbp', 'share_gbp', 'paid_gbp', 'returned_gbp', 'restrictions'] },
  );
}
