import { stringify } from 'csv-stringify/sync';
import { notFound } from '../domain/errors';
import { replay } from '../domain/ledger';
import { poundsDecimal } from '../domain/money';
import { pledged as pledgedOn, receivedOn } from '../domain/pledge';
import { available, bankBalance, type Pool } from '../domain/pool';
import { parseBucketKey, restrictionKey } from '../domain/restriction';
import type { Caller } from './caller';
import { loadConsortium, requireReader } from './consortium-access';
import { type PoolDeps, readablePool } from './pools';

/** Pool figures as stored; `reconcile` re-derives them from the ledger entries. */
export async function poolSummary(deps: PoolDeps, caller: Caller, poolId: string) {
  const { pool } = await readablePool(deps, caller, poolId);
  const [buckets, grants, pledges] = await Promise.all([
    deps.pools.listBuckets(poolId),
    deps.pools.listPoolGrants(poolId),
    deps.pools.listPledges(poolId),
  ]);
  const orgs = await deps.store.getOrganisations(pledges.map((p) => p.funderOrgId));
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

/**
 * Re-derives the pool's figures from its ledger entries alone and compares them with the
 * stored totals and buckets: the check behind the demo's `ledgerBalanced`.
 */
export async function reconcile(deps: Pick<PoolDeps, 'pools'>, pool: Pool) {
  const [entries, buckets] = await Promise.all([deps.pools.listLedger(pool.id), deps.pools.listBuckets(pool.id)]);
  const problems: string[] = [];
  entries.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`entry ${i + 1} has sequence ${e.seq}`);
    const off = sum(e.postings.map((p) => p.amount));
    if (off !== 0) problems.push(`entry ${e.seq} does not balance (${off})`);
  });
  let derived: ReturnType<typeof replay> | undefined;
  try {
    derived = replay(entries);
  } catch (error) {
    problems.push(String(error));
  }
  const bankMoves = (type: string) =>
    sum(entries.filter((e) => e.type === type).map((e) => sum(e.postings.filter((p) => p.account === 'bank').map((p) => p.amount))));
  const fromEntries = {
    received: bankMoves('contribution'),
    paid: -bankMoves('payment'),
    returned: bankMoves('return'),
    // Awards and raises commit money (Dr fund); cuts hand unpaid commitment back (Cr fund).
    committed: sum(
      entries
        .filter((e) => e.type === 'allocation' || e.type === 'release')
        .map((e) => sum(e.postings.filter((p) => p.account.startsWith('fund:')).map((p) => p.amount))),
    ),
  };
  for (const [k, v] of Object.entries(fromEntries)) {
    if (pool[k as keyof typeof fromEntries] !== v) problems.push(`${k}: stored ${pool[k as keyof typeof fromEntries]}, ledger says ${v}`);
  }
  if (derived) {
    if (derived.bank !== bankBalance(pool)) problems.push(`bank: stored totals give ${bankBalance(pool)}, ledger says ${derived.bank}`);
    for (const b of buckets) {
      const v = derived.available.get(b.bucket) ?? 0;
      if (v !== b.available) problems.push(`bucket ${b.bucket}: stored ${b.available}, ledger says ${v}`);
    }
    const outstanding = sum([...derived.committed.values()].flatMap((m) => [...m.values()]));
    const totalAvailable = sum([...derived.available.values()]);
    if (derived.bank !== totalAvailable + outstanding)
      problems.push(`bank ${derived.bank} ≠ available ${totalAvailable} + outstanding commitments ${outstanding}`);
  }
  if (entries.length !== pool.ledgerSeq) problems.push(`pool says ${pool.ledgerSeq} entries, found ${entries.length}`);
  return { balanced: problems.length === 0, problems, entries: entries.length, ...fromEntries };
}

export async function funderStatement(deps: PoolDeps, caller: Caller, poolId: string, funderOrgId: string) {
  const { pool } = await readablePool(deps, caller, poolId);
  const [pledges, shares, buckets, orgs] = await Promise.all([
    deps.pools.listPledges(poolId),
    deps.pools.listFunderShares(funderOrgId, poolId),
    deps.pools.listBuckets(poolId),
    deps.store.getOrganisations([funderOrgId]),
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

/** The ledger in order, with the bank's running balance after each entry. */
export async function ledgerView(deps: PoolDeps, caller: Caller, poolId: string) {
  const { pool } = await readablePool(deps, caller, poolId);
  const entries = await deps.pools.listLedger(poolId);
  const funderIds = entries.flatMap((e) =>
    e.postings.map((p) => (p.account === 'bank' ? '' : parseBucketKey(bucketOf(p.account)).funderOrgId)),
  );
  const orgs = await deps.store.getOrganisations(funderIds.filter(Boolean));
  /** `fund:<org>|lot:north` → "Available from Wyvernshire County Council (lot north)". */
  const label = (account: string) => {
    if (account === 'bank') return 'Bank';
    const { funderOrgId, restriction } = parseBucketKey(bucketOf(account));
    const funds = `${orgs.get(funderOrgId)?.name ?? funderOrgId} (${restrictionKey(restriction).replace(':', ' ')})`;
    return account.startsWith('grant:') ? `Committed to grant ${account.split(':')[1]} from ${funds}` : `Available from ${funds}`;
  };
  let running = 0;
  return {
    pool: { id: pool.id, name: pool.name, currency: pool.currency },
    entries: entries.map((e) => {
      const bank = sum(e.postings.filter((p) => p.account === 'bank').map((p) => p.amount));
      running += bank;
      return {
        seq: e.seq,
        at: e.at,
        type: e.type,
        grantId: e.grantId,
        memo: e.memo,
        bankChange: bank,
        runningBalance: running,
        postings: e.postings.map((p) => ({ ...p, label: label(p.account) })),
      };
    }),
  };
}

/** The bucket an account is kept for: `fund:<bucket>` or `grant:<grantId>:<bucket>`. */
const bucketOf = (account: string) =>
  account.startsWith('grant:') ? account.split(':').slice(2).join(':') : account.slice('fund:'.length);

export function ledgerCsv(view: Awaited<ReturnType<typeof ledgerView>>): string {
  const rows = view.entries.flatMap((e) =>
    e.postings.map((p) => ({
      seq: e.seq,
      date: e.at.slice(0, 10),
      type: e.type,
      grant_id: e.grantId ?? '',
      account: p.account,
      account_name: p.label,
      debit_gbp: p.amount > 0 ? poundsDecimal(p.amount).toFixed(2) : '',
      credit_gbp: p.amount < 0 ? poundsDecimal(-p.amount).toFixed(2) : '',
      bank_balance_gbp: poundsDecimal(e.runningBalance).toFixed(2),
      memo: e.memo,
    })),
  );
  return stringify(rows, {
    header: true,
    columns: ['seq', 'date', 'type', 'grant_id', 'account', 'account_name', 'debit_gbp', 'credit_gbp', 'bank_balance_gbp', 'memo'],
  });
}

/**
 * Who pays and who benefits, for one consortium: the contributors, and the organisations
 * recorded as benefiting from its grants (partners, statutory bodies) that put nothing in.
 */
export async function freeRiders(deps: PoolDeps, caller: Caller, consortiumId: string) {
  const consortium = await loadConsortium(deps, consortiumId);
  requireReader(caller, consortium, 'consortium', consortiumId);
  const pools = await deps.pools.listPools(consortiumId);
  const received = new Map<string, number>();
  const benefit = new Map<string, { grants: number; value: number }>();
  for (const pool of pools) {
    for (const b of await deps.pools.listBuckets(pool.id)) received.set(b.funderOrgId, (received.get(b.funderOrgId) ?? 0) + b.received);
    for (const g of await deps.pools.listPoolGrants(pool.id)) {
      for (const orgId of new Set([...g.beneficiaryOrgIds])) {
        const cur = benefit.get(orgId) ?? { grants: 0, value: 0 };
        benefit.set(orgId, { grants: cur.grants + 1, value: cur.value + g.amount });
      }
    }
  }
  const ids = [...new Set([...received.keys(), ...benefit.keys(), ...consortium.members.map((m) => m.orgId)])];
  const orgs = await deps.store.getOrganisations(ids);
  const describe = (orgId: string) => ({
    orgId,
    name: orgs.get(orgId)?.name,
    kind: orgs.get(orgId)?.kind,
    funderType: orgs.get(orgId)?.funderType,
    consortiumRole: consortium.members.find((m) => m.orgId === orgId)?.role ?? null,
  });
  const contributors = [...received.entries()]
    .filter(([, v]) => v > 0)
    .map(([orgId, v]) => ({ ...describe(orgId), contributed: v, benefitsFrom: benefit.get(orgId) ?? null }));
  const benefitingWithoutContributing = [...benefit.entries()]
    .filter(([orgId]) => !(received.get(orgId) ?? 0))
    .map(([orgId, b]) => ({ ...describe(orgId), contributed: 0, benefitsFrom: b }));
  const membersNotContributing = consortium.members
    .filter((m) => m.role !== 'observer' && !(received.get(m.orgId) ?? 0))
    .map((m) => describe(m.orgId));
  return {
    consortium: { id: consortium.id, name: consortium.name, place: consortium.place },
    contributors: contributors.sort((a, b) => b.contributed - a.contributed),
    benefitingWithoutContributing: benefitingWithoutContributing.sort((a, b) => b.benefitsFrom.value - a.benefitsFrom.value),
    membersNotContributing,
  };
}

function sum(values: number[]): number {
  return values.reduce((a, v) => a + v, 0);
}
