import { actingOrg, loadConsortium } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { checkCurrency, checkPence } from '../platform/money';
import { loadGrant } from './awards';
import { makeEvent, subject } from './events';
import type { FundingShare } from './grant';
import { type Balances, emptyBalances, type LedgerEntry, payment, returned } from './ledger';
import { type PoolDeps, withFreshPool } from './pools';
import type { LedgerWrite } from './store';

async function grantForMoney(deps: PoolDeps, caller: Caller, grantId: string) {
  const found = await loadGrant(deps, grantId);
  const consortium = await loadConsortium(deps, found.grant.consortiumId);
  actingOrg(caller, consortium, ['lead'], 'officer', { what: 'grant', id: grantId });
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
 * The money movement itself, split over the grant's funders. The grant workflow uses it to
 * release tranches: its `write` adds the tranche to the same transaction (so a retried release
 * finds it done and pays nothing twice) and `eventData` says which tranche it was.
 */
export async function moveMoney(
  deps: Pick<PoolDeps, 'pools' | 'clock'>,
  input: {
    grantId: string;
    kind: 'payment' | 'return';
    amount: number;
    memo?: string | undefined;
    actor: string;
    eventData?: { tranche: number };
  },
  write: (w: LedgerWrite) => Promise<void> = (w) => deps.pools.writeLedger(w),
) {
  const { grantId, kind } = input;
  checkPence('amount', input.amount);
  const found = await loadGrant(deps, grantId);
  const now = deps.clock.now();
  return withFreshPool(deps, found.grant.poolId, async (pool) => {
    const fresh = (await deps.pools.getGrant(grantId))?.shares ?? [];
    const b = grantBalances(fresh, grantId);
    b.bank = pool.received - pool.paid + pool.returned;
    const memo = input.memo ?? `${kind} on grant ${grantId}`;
    const entry: LedgerEntry = kind === 'payment' ? payment(b, grantId, input.amount, memo) : returned(b, grantId, input.amount, memo);
    const parts = partsByBucket(entry, kind);
    const funderOf = new Map(fresh.map((s) => [s.bucket, s]));
    await write({
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
      event: makeEvent(
        kind === 'payment' ? 'payment.made' : 'payment.returned',
        subject.grant(grantId),
        input.actor,
        { grantId, poolId: pool.id, amount: input.amount, ...input.eventData },
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
