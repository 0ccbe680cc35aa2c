import { DomainError, forbidden, invalid, notFound } from '../domain/errors';
import { type AllocationRequest, type FundingShare, type Grant, plannedEnd } from '../domain/grant';
import { newId } from '../domain/ids';
import {
  allocation,
  type Balances,
  contribution as contributionEntry,
  emptyBalances,
  type LedgerEntry,
  payment,
  returned,
} from '../domain/ledger';
import { checkCurrency, checkPence } from '../domain/money';
import { checkReceipt, financialYearOf, type Pledge, preparePledgeYears } from '../domain/pledge';
import { checkLot, checkLots, type Lot, type Pool } from '../domain/pool';
import { bucketKey, checkRestriction, parseBucketKey, type Restriction } from '../domain/restriction';
import { type Bucket, GrantExistsError, type PoolStore, StaleLedgerError } from '../ports/pools';
import { keys } from '../store/keys';
import type { Caller } from './caller';
import { actingOrg, loadConsortium, requireActive, requireReader } from './consortium-access';
import type { Deps } from './deps';
import { makeEvent } from './events';

export type PoolDeps = Pick<Deps, 'store' | 'clock'> & { pools: PoolStore };

const poolSubject = (poolId: string) => keys.pool(poolId).pk;

export async function loadPool(deps: Pick<PoolDeps, 'pools'>, poolId: string): Promise<Pool> {
  const pool = await deps.pools.getPool(poolId);
  if (!pool) throw notFound('pool', poolId);
  return pool;
}

/** The pool, its consortium, and a check that the caller may read it. */
export async function readablePool(deps: PoolDeps, caller: Caller, poolId: string) {
  const pool = await loadPool(deps, poolId);
  const consortium = await loadConsortium(deps, pool.consortiumId);
  requireReader(caller, consortium, 'pool', poolId);
  return { pool, consortium };
}

export async function createPool(
  deps: PoolDeps,
  caller: Caller,
  consortiumId: string,
  input: { name: string; purpose: string; lots: Lot[] },
) {
  const consortium = await loadConsortium(deps, consortiumId);
  actingOrg(caller, consortium, ['lead'], 'admin');
  requireActive(consortium);
  const now = deps.clock.now();
  const pool: Pool = {
    id: newId(now),
    consortiumId,
    name: input.name.trim(),
    purpose: input.purpose.trim(),
    currency: 'GBP',
    lots: checkLots(input.lots),
    status: 'open',
    createdAt: now.toISOString(),
    createdBy: caller.user.id,
    ledgerSeq: 0,
    pledged: 0,
    received: 0,
    committed: 0,
    paid: 0,
    returned: 0,
  };
  await deps.pools.createPool(
    pool,
    makeEvent('pool.created', poolSubject(pool.id), caller.user.id, { poolId: pool.id, consortiumId }, now),
  );
  return pool;
}

/** A funder pledges its own money: an officer or admin of that funder, which must be a lead or member. */
export async function recordPledge(
  deps: PoolDeps,
  caller: Caller,
  poolId: string,
  input: { funderOrgId: string; currency: string; years: { financialYear: string; amount: number }[]; restriction: Restriction },
) {
  const { pool, consortium } = await readablePool(deps, caller, poolId);
  const member = consortium.members.find((m) => m.orgId === input.funderOrgId);
  if (!member) throw invalid('funderOrgId', 'consortium-member', `organisation ${input.funderOrgId} is not a member of ${consortium.name}`);
  if (member.role === 'observer')
    throw invalid('funderOrgId', 'not-observer', 'observers do not pledge; make the organisation a member first');
  const mine = caller.memberships.find((m) => m.orgId === input.funderOrgId);
  if (!caller.user.platformAdmin && (!mine || mine.role === 'viewer'))
    throw forbidden('only an officer or admin of the funder can pledge its money');
  checkCurrency('currency', input.currency, pool.currency);
  checkRestriction('restriction', input.restriction, pool.lots);
  const now = deps.clock.now();
  const pledge: Pledge = {
    id: newId(now),
    poolId,
    funderOrgId: input.funderOrgId,
    restriction: input.restriction,
    years: preparePledgeYears(input.years),
    createdAt: now.toISOString(),
  };
  await deps.pools.createPledge(
    pledge,
    makeEvent(
      'pledge.recorded',
      poolSubject(poolId),
      caller.user.id,
      { poolId, pledgeId: pledge.id, funderOrgId: pledge.funderOrgId },
      now,
    ),
  );
  return pledge;
}

const MAX_ATTEMPTS = 60;
const jitter = () => new Promise((r) => setTimeout(r, 2 + Math.floor(Math.random() * 20)));

/**
 * Plans a ledger change against the pool as read, then writes it under the pool's sequence.
 * A concurrent change makes the write stale: re-read and plan again. Business refusals
 * (not enough money, over-receipt) come out of the planner or the conditions as 409s.
 */
export async function withFreshPool<T>(deps: PoolDeps, poolId: string, attempt: (pool: Pool, buckets: Bucket[]) => Promise<T>): Promise<T> {
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const pool = await loadPool(deps, poolId);
    const buckets = await deps.pools.listBuckets(poolId);
    try {
      return await attempt(pool, buckets);
    } catch (error) {
      if (!(error instanceof StaleLedgerError)) throw error;
      await jitter();
    }
  }
  throw new DomainError('conflict', 'the pool is very busy; try again in a moment');
}

export function balancesOf(buckets: Bucket[]): Balances {
  const b = emptyBalances();
  for (const x of buckets) if (x.available > 0) b.available.set(x.bucket, x.available);
  return b;
}

/** The lead records money received against a pledge (the lead holds the pool's account). */
export async function recordContribution(
  deps: PoolDeps,
  caller: Caller,
  poolId: string,
  pledgeId: string,
  input: { amount: number; currency: string; receivedOn: string; financialYear?: string | undefined },
) {
  const { pool, consortium } = await readablePool(deps, caller, poolId);
  actingOrg(caller, consortium, ['lead'], 'officer');
  checkCurrency('currency', input.currency, pool.currency);
  checkPence('amount', input.amount);
  const pledge = await deps.pools.getPledge(poolId, pledgeId);
  if (!pledge) throw notFound('pledge', pledgeId);
  const financialYear = input.financialYear ?? financialYearOf(new Date(`${input.receivedOn}T12:00:00Z`));
  const year = checkReceipt(pledge, financialYear, input.amount);
  const yearIndex = pledge.years.indexOf(year);
  const bucket = bucketKey(pledge.funderOrgId, pledge.restriction);
  const funderName = (await deps.store.getOrganisation(pledge.funderOrgId))?.name ?? pledge.funderOrgId;
  const now = deps.clock.now();
  return withFreshPool(deps, poolId, async (fresh) => {
    const entry = contributionEntry(
      bucket,
      input.amount,
      `contribution from ${funderName} (${financialYear}, received ${input.receivedOn})`,
    );
    await deps.pools.writeLedger({
      poolId,
      expectedSeq: fresh.ledgerSeq,
      entry,
      at: now.toISOString(),
      actor: caller.user.id,
      totals: { received: input.amount },
      buckets: [
        {
          bucket,
          funderOrgId: pledge.funderOrgId,
          restriction: pledge.restriction,
          delta: { available: input.amount, received: input.amount },
        },
      ],
      pledgeReceipt: { pledgeId, yearIndex, amount: input.amount, maxReceivedBefore: year.amount - input.amount },
      event: makeEvent(
        'contribution.received',
        poolSubject(poolId),
        caller.user.id,
        { poolId, pledgeId, funderOrgId: pledge.funderOrgId, amount: input.amount, financialYear, receivedOn: input.receivedOn },
        now,
      ),
    });
    return {
      poolId,
      pledgeId,
      amount: input.amount,
      currency: pool.currency,
      financialYear,
      receivedOn: input.receivedOn,
      seq: fresh.ledgerSeq + 1,
    };
  });
}

/** Checks an allocation request against the pool and the organisations it names. */
export async function checkAllocationRequest(deps: PoolDeps, pool: Pool, request: AllocationRequest, field = 'body'): Promise<void> {
  checkPence(`${field}.amount`, request.amount);
  checkLot(`${field}.lotId`, request.lotId, pool.lots);
  const orgs = await deps.store.getOrganisations([request.recipientOrgId, ...(request.beneficiaryOrgIds ?? [])]);
  const recipient = orgs.get(request.recipientOrgId);
  if (!recipient)
    throw new DomainError('not-found', `${field}.recipientOrgId: organisation ${request.recipientOrgId} does not exist`, [
      { field: `${field}.recipientOrgId`, rule: 'organisation-exists', message: 'no such organisation' },
    ]);
  (request.beneficiaryOrgIds ?? []).forEach((id, i) => {
    if (!orgs.has(id))
      throw new DomainError('not-found', `${field}.beneficiaryOrgIds[${i}]: organisation ${id} does not exist`, [
        { field: `${field}.beneficiaryOrgIds[${i}]`, rule: 'organisation-exists', message: 'no such organisation' },
      ]);
  });
}

/**
 * Commits one grant from the pool: the shares are planned against what each bucket has now and
 * written with the grant in one transaction. Idempotent by grant id: committing the same grant
 * again returns it unchanged. Not enough eligible money is a 409 carrying what is available.
 */
export async function commitGrant(
  deps: PoolDeps,
  input: { poolId: string; grantId: string; request: AllocationRequest; actor: string; roundId?: string },
): Promise<{ grant: Grant; shares: FundingShare[]; created: boolean }> {
  const existing = await deps.pools.getGrant(input.grantId);
  if (existing) return { ...existing, created: false };
  const now = deps.clock.now();
  try {
    return await withFreshPool(deps, input.poolId, async (pool, buckets) => {
      const { request } = input;
      const target = { lotId: request.lotId, purpose: request.purpose };
      const { entry, shares } = allocation(
        balancesOf(buckets),
        input.grantId,
        request.amount,
        target,
        `grant ${input.grantId}: ${request.title}`,
      );
      const plannedStart = request.plannedStart ?? now.toISOString().slice(0, 10);
      const shareList: FundingShare[] = [...shares].map(([bucket, amount]) => ({
        bucket,
        ...parseBucketKey(bucket),
        amount,
        paid: 0,
        returned: 0,
      }));
      const grant: Grant = {
        ...request,
        id: input.grantId,
        poolId: pool.id,
        consortiumId: pool.consortiumId,
        currency: pool.currency,
        fundingType: shareList.every((s) => s.restriction.kind === 'core') ? 'core' : 'restricted',
        plannedStart,
        plannedEnd: plannedEnd(plannedStart, request.durationMonths),
        awardedAt: now.toISOString(),
        awardedBy: input.actor,
        status: 'awarded',
        beneficiaryOrgIds: request.beneficiaryOrgIds ?? [],
        ...(input.roundId ? { roundId: input.roundId } : {}),
      };
      await deps.pools.writeLedger({
        poolId: pool.id,
        expectedSeq: pool.ledgerSeq,
        entry,
        at: now.toISOString(),
        actor: input.actor,
        totals: { committed: request.amount },
        buckets: shareList.map((s) => ({
          bucket: s.bucket,
          funderOrgId: s.funderOrgId,
          restriction: s.restriction,
          delta: { available: -s.amount, committed: s.amount },
        })),
        newGrant: { grant, shares: shareList },
        event: makeEvent(
          'grant.awarded',
          keys.grant(grant.id).pk,
          input.actor,
          { grantId: grant.id, poolId: pool.id, amount: grant.amount, recipientOrgId: grant.recipientOrgId },
          now,
        ),
      });
      return { grant, shares: shareList, created: true };
    });
  } catch (error) {
    if (error instanceof GrantExistsError) {
      const found = await deps.pools.getGrant(input.grantId);
      if (found) return { ...found, created: false };
    }
    throw error;
  }
}

/** A direct award from the pool by the lead (rounds use the same commit). */
export async function allocateDirect(deps: PoolDeps, caller: Caller, poolId: string, request: AllocationRequest & { currency: string }) {
  const { pool, consortium } = await readablePool(deps, caller, poolId);
  actingOrg(caller, consortium, ['lead'], 'admin');
  requireActive(consortium);
  checkCurrency('body.currency', request.currency, pool.currency);
  const { currency: _c, ...rest } = request;
  await checkAllocationRequest(deps, pool, rest);
  const { grant, shares } = await commitGrant(deps, { poolId, grantId: newId(deps.clock.now()), request: rest, actor: caller.user.id });
  return { ...grant, funders: shares };
}

async function grantForMoney(deps: PoolDeps, caller: Caller, grantId: string) {
  const found = await deps.pools.getGrant(grantId);
  if (!found) throw notFound('grant', grantId);
  const consortium = await loadConsortium(deps, found.grant.consortiumId);
  actingOrg(caller, consortium, ['lead'], 'officer');
  return found;
}

export function grantBalances(shares: FundingShare[], grantId: string): Balances {
  const b = emptyBalances();
  b.committed.set(grantId, new Map(shares.filter((s) => s.amount - s.paid > 0).map((s) => [s.bucket, s.amount - s.paid])));
  b.paid.set(grantId, new Map(shares.filter((s) => s.paid - s.returned > 0).map((s) => [s.bucket, s.paid - s.returned])));
  return b;
}

/** Pays (kind `payment`) or takes back (kind `return`) money on a grant, split over its funders. */
export async function moveGrantMoney(
  deps: PoolDeps,
  caller: Caller,
  grantId: string,
  kind: 'payment' | 'return',
  input: { amount: number; currency: string; memo?: string | undefined },
) {
  const { grant } = await grantForMoney(deps, caller, grantId);
  checkCurrency('currency', input.currency, grant.currency);
  return moveMoney(deps, { grantId, kind, amount: input.amount, memo: input.memo, actor: caller.user.id });
}

/**
 * The money movement itself, also used by the grant workflow to release tranches: with
 * `trancheRelease` the tranche is marked released in the same transaction, so a retried
 * release finds it done and pays nothing twice.
 */
export async function moveMoney(
  deps: PoolDeps,
  input: {
    grantId: string;
    kind: 'payment' | 'return';
    amount: number;
    memo?: string | undefined;
    actor: string;
    trancheRelease?: { seq: number };
  },
) {
  const { grantId, kind } = input;
  checkPence('amount', input.amount);
  const found = await deps.pools.getGrant(grantId);
  if (!found) throw notFound('grant', grantId);
  const now = deps.clock.now();
  return withFreshPool(deps, found.grant.poolId, async (pool) => {
    const fresh = (await deps.pools.getGrant(grantId))?.shares ?? [];
    const b = grantBalances(fresh, grantId);
    b.bank = pool.received - pool.paid + pool.returned;
    const memo = input.memo ?? `${kind} on grant ${grantId}`;
    const entry: LedgerEntry = kind === 'payment' ? payment(b, grantId, input.amount, memo) : returned(b, grantId, input.amount, memo);
    const parts = partsByBucket(entry, kind);
    const funderOf = new Map(fresh.map((s) => [s.bucket, s]));
    await deps.pools.writeLedger({
      poolId: pool.id,
      expectedSeq: pool.ledgerSeq,
      entry,
      at: now.toISOString(),
      actor: input.actor,
      totals: kind === 'payment' ? { paid: input.amount } : { returned: input.amount },
      buckets: [...parts].map(([bucket, amount]) => {
        const s = funderOf.get(bucket) as FundingShare;
        return {
          bucket,
          funderOrgId: s.funderOrgId,
          restriction: s.restriction,
          delta: kind === 'payment' ? { paid: amount } : { returned: amount, available: amount },
        };
      }),
      shareDeltas: [...parts].map(([bucket, amount]) => ({
        grantId,
        poolId: pool.id,
        bucket,
        funderOrgId: (funderOf.get(bucket) as FundingShare).funderOrgId,
        ...(kind === 'payment' ? { paid: amount } : { returned: amount }),
      })),
      ...(input.trancheRelease ? { trancheRelease: { grantId, seq: input.trancheRelease.seq } } : {}),
      event: makeEvent(
        kind === 'payment' ? 'payment.made' : 'payment.returned',
        keys.grant(grantId).pk,
        input.actor,
        { grantId, poolId: pool.id, amount: input.amount, ...(input.trancheRelease ? { tranche: input.trancheRelease.seq } : {}) },
        now,
      ),
    });
    return { grantId, kind, amount: input.amount, currency: found.grant.currency, byFunder: Object.fromEntries(parts) };
  });
}

function partsByBucket(entry: LedgerEntry, kind: 'payment' | 'return'): Map<string, number> {
  const parts = new Map<string, number>();
  for (const p of entry.postings) {
    if (kind === 'payment' && p.account.startsWith('grant:')) parts.set(p.account.split(':').slice(2).join(':'), p.amount);
    if (kind === 'return' && p.account.startsWith('fund:')) parts.set(p.account.slice('fund:'.length), -p.amount);
  }
  return parts;
}
