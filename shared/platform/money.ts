import { invalid } from './errors';

/**
 * Money is integer minor units (pence) carried next to its currency code, never a float.
 * Pence must be a whole, non-negative, safe integer; zero is allowed only where `allowZero`.
 */
export function checkPence(field: string, amount: number, { allowZero = false } = {}): number {
  if (!Number.isSafeInteger(amount))
    throw invalid(field, 'integer-pence', `must be a whole number of pence, e.g. 125000 for £1,250.00; got ${amount}`);
  if (amount < 0 || (!allowZero && amount === 0))
    throw invalid(field, 'positive', `must be ${allowZero ? 'zero or more' : 'more than zero'} pence; got ${amount}`);
  return amount;
}

export function checkCurrency(field: string, currency: string, expected: string): void {
  if (currency !== expected) throw invalid(field, 'pool-currency', `must be ${expected}, the pool's currency; got ${currency}`);
}

/** 1234.56 — for 360Giving and spreadsheets; an IEEE division by 100 prints back exactly. */
export const poundsDecimal = (pence: number): number => pence / 100;

/**
 * Splits `total` pro rata to `weights` so the parts are whole pence that always sum to the
 * total: floor each exact share, then hand the leftover pence to the largest remainders
 * (ties broken by position, so the result is deterministic). BigInt keeps products exact.
 */
export function largestRemainder(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (weights.some((w) => w < 0)) throw new Error('weights must be non-negative');
  if (sum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new Error('cannot split a non-zero total over zero weights');
  }
  const t = BigInt(total);
  const parts = weights.map((w) => (t * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % sum }));
  let left = Number(t - parts.reduce((a, p) => a + p, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left--;
  }
  return parts.map(Number);
}
