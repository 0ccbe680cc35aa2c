import { actingOrg, loadConsortium, requireActive, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import type { Consortium } from '../consortia/consortium';
import { roleAtLeast } from '../consortia/organisation';
import { forbidden, invalid, notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import { checkCurrency, checkPence } from '../platform/money';
import { type RetryOptions, retryStale } from '../platform/versioned';
import { makeEvent, subject } from './events';
import { type Balances, contribution as contributionEntry, emptyBalances } from './ledger';
import { checkReceipt, financialYearOf, type Pledge, preparePledgeYears } from './pledge';
import { checkLots, type Lot, openedPool, type Pool } from './pool';
import { bucketKey, checkRestriction, type Restriction } from './restriction';
import type { Bucket, PoolsDeps } from './store';

/** What most pool use cases read and write. */
export type PoolDeps = Pick<PoolsDeps, 'consortia' | 'pools' | 'clock'>;

export async function loadPool(deps: Pick<PoolsDeps, 'pools'>, poolId: string): Promise<Pool> {
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
  const pool = openedPool({
    id: newId(now),
    consortiumId,
    name: input.name.trim(),
    purpose: input.purpose.trim(),
    lots: checkLots(input.lots),
    createdAt: now.toISOString(),
    createdBy: caller.user.id,
  });
  await deps.pools.createPool(
    pool,
    makeEvent('pool.created', subject.pool(pool.id), caller.user.id, { poolId: pool.id, consortiumId }, now),
  );
  return pool;
}

/**
 * The organisations whose money the caller may pledge: the lead or member organisations (not
 * observers) where the caller is an officer or admin; a platform admin, any of them. The page
 * offers only these; `recordPledge` refuses any other.
 */
export function pledgersFor(caller: Caller, consortium: Consortium): string[] {
  return consortium.members
    .filter((m) => m.role !== 'observer')
    .map((m) => m.orgId)
    .filter((orgId) => caller.user.platformAdmin || caller.memberships.some((x) => x.orgId === orgId && roleAtLeast(x.role, 'officer')));
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
      subject.pool(poolId),
      caller.user.id,
      { poolId, pledgeId: pledge.id, funderOrgId: pledge.funderOrgId },
      now,
    ),
  );
  return pledge;
}

/**
 * Plans a ledger change against the pool as read, then writes it under the pool's sequence.
 * A concurrent change makes the write stale: re-read and plan again (retryStale: one budget, and
 * inside a larger change, such as a tender's, that change's attempt). Business refusals (not
 * enough money, over-receipt) come out of the planner or the conditions as 409s.
 * Buckets are read only by plans that spend from them: a payment or receipt needs the pool
 * item alone, and the bucket Query shares a partition with the ledger, which grows all year.
 */
export function withFreshPool<T>(
  deps: Pick<PoolsDeps, 'pools'>,
  poolId: string,
  attempt: (pool: Pool, buckets: () => Promise<Bucket[]>) => Promise<T>,
  options?: RetryOptions,
): Promise<T> {
  const buckets = () => deps.pools.listBuckets(poolId);
  return retryStale(async () => attempt(await loadPool(deps, poolId), buckets), options);
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
  actingOrg(caller, consortium, ['lead'], 'officer', { what: 'pool', id: poolId });
  checkCurrency('currency', input.currency, pool.currency);
  checkPence('amount', input.amount);
  const pledge = await deps.pools.getPledge(poolId, pledgeId);
  if (!pledge) throw notFound('pledge', pledgeId);
  const financialYear = input.financialYear ?? financialYearOf(new Date(`${input.receivedOn}T12:00:00Z`));
  const year = checkReceipt(pledge, financialYear, input.amount);
  const yearIndex = pledge.years.indexOf(year);
  const bucket = bucketKey(pledge.funderOrgId, pledge.restriction);
  const funderName = (await deps.consortia.getOrganisation(pledge.funderOrgId))?.name ?? pledge.funderOrgId;
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
        subject.pool(poolId),
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
