import { actingOrg, requireActive } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { awardGrant } from '../grants/award';
import { DomainError, notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import { checkCurrency, checkPence } from '../platform/money';
import type { AllocationRequest, FundingShare, Grant } from './grant';
import { checkLot, type Pool } from './pool';
import { type PoolDeps, readablePool, withFreshPool } from './pools';
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
 * Commits one grant from the pool (awardGrant, from a proposal's source): the shares are planned
 * against what each bucket has now and written with the grant in one transaction. Idempotent by
 * grant id: committing the same grant again returns it unchanged. Not enough eligible money is a
 * 409 carrying what is available.
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
      const source = { kind: 'proposal' as const, buckets: await buckets(), roundId: input.roundId };
      const { grant, shares, write } = awardGrant(
        pool,
        { grantId: input.grantId, request: input.request, source, actor: input.actor },
        now,
      );
      await deps.pools.writeLedger(write);
      return { grant, shares, created: true };
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
