import { invalid } from '../platform/errors';

export interface Lot {
  id: string;
  name: string;
}

export interface PoolTotals {
  pledged: number;
  received: number;
  committed: number;
  paid: number;
  returned: number;
  /** Set aside for tenders: neither available nor committed. */
  reserved: number;
}

export interface Pool extends PoolTotals {
  id: string;
  consortiumId: string;
  name: string;
  purpose: string;
  currency: 'GBP';
  lots: Lot[];
  status: 'open' | 'closed';
  createdAt: string;
  createdBy: string;
  /** Number of ledger entries written; every ledger write moves it by one under a condition. */
  ledgerSeq: number;
}

/** A pool as it opens: open, in pounds, with nothing pledged and no ledger entry yet (its fields in the order it is served). */
export const openedPool = (p: Pick<Pool, 'id' | 'consortiumId' | 'name' | 'purpose' | 'lots' | 'createdAt' | 'createdBy'>): Pool => ({
  id: p.id,
  consortiumId: p.consortiumId,
  name: p.name,
  purpose: p.purpose,
  currency: 'GBP',
  lots: p.lots,
  status: 'open',
  createdAt: p.createdAt,
  createdBy: p.createdBy,
  ledgerSeq: 0,
  pledged: 0,
  received: 0,
  committed: 0,
  paid: 0,
  returned: 0,
  reserved: 0,
});

/** Money received and neither committed nor reserved for a tender (returns come back into it). */
export const available = (t: PoolTotals): number => t.received - t.committed + t.returned - (t.reserved ?? 0);
/** Money the pool holds: received, less paid out, plus what came back. */
export const bankBalance = (t: PoolTotals): number => t.received - t.paid + t.returned;

export function checkLots(lots: Lot[]): Lot[] {
  const seen = new Set<string>();
  lots.forEach((l, i) => {
    if (seen.has(l.id)) throw invalid(`lots[${i}].id`, 'unique-lot', `lot id "${l.id}" is used twice`);
    seen.add(l.id);
  });
  return lots;
}

export function checkLot(field: string, lotId: string | undefined, lots: Lot[]): void {
  if (lotId !== undefined && !lots.some((l) => l.id === lotId)) {
    throw invalid(field, 'pool-lot', `lot "${lotId}" is not one of this pool's lots (${lots.map((l) => l.id).join(', ') || 'none'})`);
  }
}
