import { actingOrg, loadConsortium } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { invalid } from '../platform/errors';
import { pounds } from '../platform/format';
import { newId } from '../platform/ids';
import { checkCurrency, checkPence } from '../platform/money';
import { loadGrant } from '../pools/awards';
import { allocation, release } from '../pools/ledger';
import { grantBalances } from '../pools/payments';
import { balancesOf, withFreshPool } from '../pools/pools';
import { parseBucketKey } from '../pools/restriction';
import { makeEvent, subject } from './events';
import { adjustTranches, type Condition, checkTransition, type GrantStatus } from './grant-plan';
import type { GrantRecords } from './plan';

/** Amendments are kept as history with who and why. */
export async function amend(
  deps: GrantRecords,
  caller: Caller,
  grantId: string,
  input:
    | { kind: 'dates'; plannedStart: string; plannedEnd: string; reason: string }
    | { kind: 'conditions'; add: { description: string; kind: 'ongoing' }; reason: string }
    | { kind: 'amount'; amount: number; currency: string; reason: string },
) {
  const { grant } = await loadGrant(deps, grantId);
  actingOrg(caller, await loadConsortium(deps, grant.consortiumId), ['lead'], 'admin', { what: 'grant', id: grantId });
  const now = deps.clock.now();
  const at = now.toISOString();
  if (input.kind === 'amount') {
    checkCurrency('currency', input.currency, grant.currency);
    return amendAmount(deps, grantId, input.amount, input.reason, caller.user.id);
  }
  if (input.kind === 'dates') {
    if (input.plannedEnd < input.plannedStart) throw invalid('plannedEnd', 'after-start', 'the end date must not be before the start date');
    const amendment = {
      id: newId(now),
      kind: 'dates' as const,
      changes: { plannedStart: [grant.plannedStart, input.plannedStart], plannedEnd: [grant.plannedEnd, input.plannedEnd] },
      reason: input.reason,
      by: caller.user.id,
      at,
    };
    await deps.grants.amendDates(
      grantId,
      input,
      amendment,
      makeEvent('grant.amended', subject.grant(grantId), caller.user.id, { grantId, kind: 'dates' }, now),
    );
    return amendment;
  }
  const plan = await deps.grants.getPlan(grantId);
  const condition: Condition = {
    id: `C${plan.conditions.length + 1}`,
    grantId,
    description: input.add.description,
    kind: 'ongoing',
    status: 'pending',
    version: 1,
  };
  const amendment = {
    id: newId(now),
    kind: 'conditions' as const,
    changes: { added: condition.id, description: condition.description },
    reason: input.reason,
    by: caller.user.id,
    at,
  };
  await deps.grants.addCondition(
    condition,
    amendment,
    makeEvent('grant.amended', subject.grant(grantId), caller.user.id, { grantId, kind: 'conditions' }, now),
  );
  return amendment;
}

export async function changeStatus(deps: GrantRecords, caller: Caller, grantId: string, input: { status: GrantStatus; reason: string }) {
  const { grant } = await loadGrant(deps, grantId);
  actingOrg(caller, await loadConsortium(deps, grant.consortiumId), ['lead'], 'admin', { what: 'grant', id: grantId });
  const from = grant.status;
  checkTransition(from, input.status);
  const now = deps.clock.now();
  const amendment = {
    id: newId(now),
    kind: 'status' as const,
    changes: { status: [from, input.status] },
    reason: input.reason,
    by: caller.user.id,
    at: now.toISOString(),
  };
  await deps.grants.saveGrantStatus(
    grantId,
    from,
    input.status,
    amendment,
    makeEvent('grant.status-changed', subject.grant(grantId), caller.user.id, { grantId, from, to: input.status }, now),
  );
  return { grantId, status: input.status };
}

/**
 * Changes what a grant is worth. A raise is a further allocation from the pool (shares pro rata
 * to what is available now, as for an award); a cut releases unpaid commitment back to the
 * funders it came from. The grant, its shares, its unpaid tranches, the ledger entry and the
 * amendment are written in one transaction; it can never go below what has been paid.
 */
async function amendAmount(deps: GrantRecords, grantId: string, to: number, reason: string, actor: string) {
  checkPence('amount', to);
  const now = deps.clock.now();
  return withFreshPool(deps, (await loadGrant(deps, grantId)).grant.poolId, async (pool, buckets) => {
    const { grant, shares } = await loadGrant(deps, grantId);
    const delta = to - grant.amount;
    if (delta === 0) throw invalid('amount', 'changed', `the grant is already ${pounds(to)}`);
    const tranches = adjustTranches((await deps.grants.getPlan(grantId)).tranches, delta);
    const memo = `amendment of grant ${grantId}: ${grant.amount} → ${to} pence (${reason})`;
    const entry =
      delta > 0
        ? allocation(balancesOf(await buckets()), grantId, delta, { lotId: grant.lotId, purpose: grant.purpose }, memo).entry
        : release(grantBalances(shares, grantId), grantId, -delta, memo);
    const changes = new Map<string, number>();
    for (const p of entry.postings) {
      if (p.account.startsWith(`grant:${grantId}:`)) changes.set(p.account.slice(`grant:${grantId}:`.length), -p.amount);
    }
    const amendment = {
      id: newId(now),
      kind: 'amount' as const,
      changes: { amount: [grant.amount, to], tranches },
      reason,
      by: actor,
      at: now.toISOString(),
    };
    const write = {
      poolId: pool.id,
      expectedSeq: pool.ledgerSeq,
      entry,
      at: now.toISOString(),
      actor,
      totals: { committed: delta },
      buckets: [...changes].map(([bucket, d]) => ({ bucket, ...parseBucketKey(bucket), delta: { available: -d, committed: d } })),
      grantAmount: {
        grantId,
        from: grant.amount,
        to,
        shares: [...changes].map(([bucket, d]) => ({ bucket, ...parseBucketKey(bucket), delta: d })),
      },
      event: makeEvent('grant.amended', subject.grant(grantId), actor, { grantId, kind: 'amount', from: grant.amount, to }, now),
    };
    await deps.grants.amendAmount(write, { grantId, tranches, amendment });
    return amendment;
  });
}
