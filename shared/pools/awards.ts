import { actingOrg, requireActive } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import type { Grant } from '../grants/grant';
import { DomainError, notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import { checkCurrency, checkPence } from '../platform/money';
import { makeEvent, subject } from './events';
import { type AllocationRequest, type FundingShare, plannedEnd } from './grant';
import { allocation } from './ledger';
import { checkLot, type Pool } from './pool';
import { balancesOf, type PoolDeps, readablePool, withFreshPool } from './pools';
import { parseBucketKey } from './restriction';
import { GrantExistsError, type PoolsDeps } from './store';

/** A grant committed from a pool, with its funders' shares; not-found if there is none. */
export async function loadGrant(deps: Pick<PoolsDeps, 'pools'>, grantId: string) {
  const found = await deps.pools.getGrant(grantId);
  if (!found) throw notFound('grant', grantId);
  return found;
}

/**
 * Checks an allocation request against the pool and the organisations it names; `registering`
 * is the id of a recipient checked and about to be written with the request (added on the way).
 */
export async function checkAllocationRequest(
  deps: PoolDeps,
  pool: Pool,
  request: AllocationRequest,
  field = 'body',
  registering?: string,
): Promise<void> {
  checkPence(`${field}.amount`, request.amount);
  checkLot(`${field}.lotId`, request.lotId, pool.lots);
  const orgs = await deps.consortia.getOrganisations([request.recipientOrgId, ...(request.beneficiaryOrgIds ?? [])]);
  const recipient = orgs.get(request.recipientOrgId);
  if (!recipient && request.recipientOrgId !== registering)
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
        balancesOf(await buckets()),
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
          subject.grant(grant.id),
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
  actingOrg(caller, consortium, ['lead'], 'admin', { what: 'pool', id: poolId });
  requireActive(consortium);
  checkCurrency('body.currency', request.currency, pool.currency);
  const { currency: _c, ...rest } = request;
  await checkAllocationRequest(deps, pool, rest);
  const { grant, shares } = await commitGrant(deps, { poolId, grantId: newId(deps.clock.now()), request: rest, actor: caller.user.id });
  return { ...grant, funders: shares };
}
