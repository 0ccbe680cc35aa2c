import { stringify } from 'csv-stringify/sync';
import type { Caller } from '../consortia/caller';
import { poundsDecimal } from '../platform/money';
import { type PoolDeps, readablePool } from './pools';
import { parseBucketKey, restrictionKey } from './restriction';

const sum = (values: number[]): number => values.reduce((a, v) => a + v, 0);

/** The ledger in order, with the bank's running balance after each entry. */
export async function ledgerView(deps: PoolDeps, caller: Caller, poolId: string) {
  const { pool } = await readablePool(deps, caller, poolId);
  const entries = await deps.pools.listLedger(poolId);
  const funderIds = entries.flatMap((e) =>
    e.postings.map((p) => (p.account === 'bank' ? '' : parseBucketKey(bucketOf(p.account)).funderOrgId)),
  );
  const orgs = await deps.consortia.getOrganisations(funderIds.filter(Boolean));
  /** `fund:<org>|lot:north` → "Available from Wyvernshire County Council (lot north)". */
  const label = (account: string) => {
    if (account === 'bank') return 'Bank';
    const { funderOrgId, restriction } = parseBucketKey(bucketOf(account));
    const funds = `${orgs.get(funderOrgId)?.name ?? funderOrgId} (${restrictionKey(restriction).replace(':', ' ')})`;
    if (account.startsWith('grant:')) return `Committed to grant ${account.split(':')[1]} from ${funds}`;
    if (account.startsWith('reserve:')) return `Reserved for tender ${account.split(':')[1]} from ${funds}`;
    return `Available from ${funds}`;
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

/** The bucket an account is kept for: `fund:<bucket>`, `grant:<grantId>:<bucket>` or `reserve:<tenderId>:<bucket>`. */
const bucketOf = (account: string) =>
  account.startsWith('grant:') || account.startsWith('reserve:') ? account.split(':').slice(2).join(':') : account.slice('fund:'.length);

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
