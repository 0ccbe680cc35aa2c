import { replay } from './ledger';
import { bankBalance, type Pool } from './pool';
import type { PoolsDeps } from './store';

const sum = (values: number[]): number => values.reduce((a, v) => a + v, 0);

/**
 * Re-derives the pool's figures from its ledger entries alone and compares them with the
 * stored totals and buckets: the check behind the demo's `ledgerBalanced`.
 */
export async function reconcile(deps: Pick<PoolsDeps, 'pools'>, pool: Pool) {
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
    // A lot awarded from a tender's reserve commits money too (Dr reserve).
    committed: sum(
      entries
        .filter((e) => e.type === 'allocation' || e.type === 'release')
        .map((e) => sum(e.postings.filter((p) => p.account.startsWith('fund:') || p.account.startsWith('reserve:')).map((p) => p.amount))),
    ),
    // Reserve accounts carry credit balances: what is still set aside for tenders.
    reserved: -sum(entries.flatMap((e) => e.postings.filter((p) => p.account.startsWith('reserve:')).map((p) => p.amount))),
  };
  for (const [k, v] of Object.entries(fromEntries)) {
    if ((pool[k as keyof typeof fromEntries] ?? 0) !== v)
      problems.push(`${k}: stored ${pool[k as keyof typeof fromEntries]}, ledger says ${v}`);
  }
  if (derived) {
    if (derived.bank !== bankBalance(pool)) problems.push(`bank: stored totals give ${bankBalance(pool)}, ledger says ${derived.bank}`);
    for (const b of buckets) {
      const v = derived.available.get(b.bucket) ?? 0;
      if (v !== b.available) problems.push(`bucket ${b.bucket}: stored ${b.available}, ledger says ${v}`);
    }
    for (const b of buckets) {
      const v = sum([...derived.reserved.values()].map((m) => m.get(b.bucket) ?? 0));
      if (v !== (b.reserved ?? 0)) problems.push(`bucket ${b.bucket} reserved: stored ${b.reserved ?? 0}, ledger says ${v}`);
    }
    const outstanding = sum([...derived.committed.values()].flatMap((m) => [...m.values()]));
    const held = sum([...derived.reserved.values()].flatMap((m) => [...m.values()]));
    const totalAvailable = sum([...derived.available.values()]);
    if (derived.bank !== totalAvailable + outstanding + held)
      problems.push(`bank ${derived.bank} ≠ available ${totalAvailable} + outstanding commitments ${outstanding} + reserved ${held}`);
  }
  if (entries.length !== pool.ledgerSeq) problems.push(`pool says ${pool.ledgerSeq} entries, found ${entries.length}`);
  return { balanced: problems.length === 0, problems, entries: entries.length, ...fromEntries };
}
