import { DomainError } from '../platform/errors';
import { pounds } from '../platform/format';
import { largestRemainder } from '../platform/money';
import { canFund, type GrantTarget, parseBucketKey } from './restriction';

/**
 * The pool's double-entry ledger. Every entry's postings sum to zero (debits positive,
 * credits negative). Accounts:
 *   bank                       money the pool holds (asset)
 *   fund:<bucket>              received from one funder under one restriction, not committed
 *   grant:<grantId>:<bucket>   committed to a grant from that bucket, not yet paid
 *   reserve:<tenderId>:<bucket> set aside for a tender from that bucket: not available, not yet committed
 * A bucket is `<funderOrgId>|<restriction>` (restriction.ts). What was paid per grant and
 * bucket is not an account: it is read from the payment and return entries themselves.
 *
 *   contribution  Dr bank              Cr fund:b
 *   allocation    Dr fund:b (shares)   Cr grant:G:b      (an award, or an amendment raising it)
 *   payment       Dr grant:G:b (split) Cr bank
 *   return        Dr bank              Cr fund:b (split by what G paid from b)
 *   release       Dr grant:G:b (split) Cr fund:b         (an amendment lowering an award: unpaid money back)
 *   reservation   Dr fund:b (per funder) Cr reserve:T:b  (a tender's budget, each funder's contribution from its own money)
 *   allocation    Dr reserve:T:b (split) Cr grant:G:b    (a tender's lot awarded: the reserve becomes a grant)
 *   unreservation Dr reserve:T:b       Cr fund:b         (a tender cancelled, failed, or awarded below budget)
 */
type EntryType = 'contribution' | 'allocation' | 'payment' | 'return' | 'release' | 'reservation' | 'unreservation';

interface Posting {
  account: string;
  amount: number;
}

export interface LedgerEntry {
  type: EntryType;
  postings: Posting[];
  grantId?: string;
  tenderId?: string;
  memo: string;
}

const account = {
  bank: 'bank',
  fund: (bucket: string) => `fund:${bucket}`,
  grant: (grantId: string, bucket: string) => `grant:${grantId}:${bucket}`,
  reserve: (tenderId: string, bucket: string) => `reserve:${tenderId}:${bucket}`,
};

export interface Balances {
  bank: number;
  /** bucket → available (uncommitted) pence */
  available: Map<string, number>;
  /** grantId → bucket → committed, unpaid pence */
  committed: Map<string, Map<string, number>>;
  /** grantId → bucket → paid pence, net of returns */
  paid: Map<string, Map<string, number>>;
  /** tenderId → bucket → reserved pence */
  reserved: Map<string, Map<string, number>>;
}

export const emptyBalances = (): Balances => ({
  bank: 0,
  available: new Map(),
  committed: new Map(),
  paid: new Map(),
  reserved: new Map(),
});

const add = (m: Map<string, number>, k: string, v: number) => {
  const next = (m.get(k) ?? 0) + v;
  if (next === 0) m.delete(k);
  else m.set(k, next);
};
const inner = (m: Map<string, Map<string, number>>, k: string) => {
  let found = m.get(k);
  if (!found) {
    found = new Map();
    m.set(k, found);
  }
  return found;
};
const sorted = (m: Map<string, number> | undefined): [string, number][] =>
  [...(m ?? new Map<string, number>()).entries()].sort(([a], [b]) => (a < b ? -1 : 1));

/** Applies an entry to balances (mutating), refusing one that does not balance or drives anything negative. */
export function apply(b: Balances, entry: LedgerEntry): Balances {
  const sum = entry.postings.reduce((a, p) => a + p.amount, 0);
  if (sum !== 0) throw new Error(`ledger entry does not balance (off by ${sum}): ${entry.memo}`);
  for (const p of entry.postings) {
    if (p.account === account.bank) {
      b.bank += p.amount;
      continue;
    }
    const [kind, ...rest] = p.account.split(':');
    if (kind === 'fund') {
      const bucket = rest.join(':');
      add(b.available, bucket, -p.amount);
      if (entry.type === 'return' && entry.grantId) add(inner(b.paid, entry.grantId), bucket, p.amount);
    } else if (kind === 'grant') {
      const [grantId = '', ...bucketParts] = rest;
      const bucket = bucketParts.join(':');
      add(inner(b.committed, grantId), bucket, -p.amount);
      if (entry.type === 'payment') add(inner(b.paid, grantId), bucket, p.amount);
    } else if (kind === 'reserve') {
      const [tenderId = '', ...bucketParts] = rest;
      add(inner(b.reserved, tenderId), bucketParts.join(':'), -p.amount);
    } else throw new Error(`unknown account ${p.account}`);
  }
  const negative = (m: Map<string, number>) => [...m.values()].some((v) => v < 0);
  if (b.bank < 0 || negative(b.available) || [...b.committed.values(), ...b.paid.values(), ...b.reserved.values()].some(negative)) {
    throw new Error(`ledger entry would make an account negative: ${entry.memo}`);
  }
  return b;
}

export const replay = (entries: LedgerEntry[]): Balances => entries.reduce(apply, emptyBalances());

// Read by people on the pages: in pounds (the amounts stay in pence in `details` for the API).
const insufficient = (needed: number, available: number, what: string) =>
  new DomainError('conflict', `not enough ${what}: ${pounds(needed)} needed, ${pounds(available)} available`, [], { needed, available });

/**
 * Splits an amount over buckets pro rata to what each holds, by largest remainder (whole pence
 * that sum to the amount), refusing more than they hold together: the buckets given a part.
 */
function split(from: [string, number][], amount: number, refuse: string | ((available: number) => DomainError)): [string, number][] {
  const total = from.reduce((a, [, v]) => a + v, 0);
  if (total < amount) throw typeof refuse === 'string' ? insufficient(amount, total, refuse) : refuse(total);
  const parts = largestRemainder(
    amount,
    from.map(([, v]) => v),
  );
  return from.flatMap(([bucket], i): [string, number][] => {
    const part = parts[i] as number;
    return part > 0 ? [[bucket, part]] : [];
  });
}

// ---- planning: each returns the entry to write; the store applies it under conditions ----

export function contribution(bucket: string, amount: number, memo: string): LedgerEntry {
  return {
    type: 'contribution',
    memo,
    postings: [
      { account: account.bank, amount },
      { account: account.fund(bucket), amount: -amount },
    ],
  };
}

/** Money this grant may use: each bucket whose restriction allows the grant's target. */
function eligibleBuckets(b: Balances, target: GrantTarget): [string, number][] {
  return sorted(b.available).filter(([bucket, v]) => v > 0 && canFund(parseBucketKey(bucket).restriction, target));
}

/**
 * Commits a grant. Each eligible bucket gives a share pro rata to what it has available at
 * that moment, by largest remainder, so shares are whole pence that sum to the amount.
 */
export function allocation(b: Balances, grantId: string, amount: number, target: GrantTarget, memo: string) {
  const shares = new Map(split(eligibleBuckets(b, target), amount, 'money in the pool that this grant may use'));
  const postings: Posting[] = [...shares].flatMap(([bucket, share]) => [
    { account: account.fund(bucket), amount: share },
    { account: account.grant(grantId, bucket), amount: -share },
  ]);
  const entry: LedgerEntry = { type: 'allocation', grantId, memo, postings };
  return { entry, shares };
}

/** Pays part of a grant, split over its buckets pro rata to what each still has committed. */
export function payment(b: Balances, grantId: string, amount: number, memo: string): LedgerEntry {
  const parts = split(sorted(b.committed.get(grantId)), amount, 'committed money left on this grant');
  const postings: Posting[] = [
    { account: account.bank, amount: -amount },
    ...parts.map(([bucket, part]) => ({ account: account.grant(grantId, bucket), amount: part })),
  ];
  return { type: 'payment', grantId, memo, postings };
}

/** Money paid on a grant comes back (underspend, clawback): it returns to the buckets that paid it. */
export function returned(b: Balances, grantId: string, amount: number, memo: string): LedgerEntry {
  const parts = split(sorted(b.paid.get(grantId)), amount, 'paid money on this grant to return');
  const postings: Posting[] = [
    { account: account.bank, amount },
    ...parts.map(([bucket, part]) => ({ account: account.fund(bucket), amount: -part })),
  ];
  return { type: 'return', grantId, memo, postings };
}

/** Lowers a grant: committed, unpaid money goes back to the buckets it came from, pro rata to what each still has committed. */
export function release(b: Balances, grantId: string, amount: number, memo: string): LedgerEntry {
  const parts = split(sorted(b.committed.get(grantId)), amount, 'unpaid commitment on this grant to release');
  const postings: Posting[] = parts.flatMap(([bucket, part]) => [
    { account: account.grant(grantId, bucket), amount: part },
    { account: account.fund(bucket), amount: -part },
  ]);
  return { type: 'release', grantId, memo, postings };
}

// ---- tenders: a budget set aside, then awarded per lot or handed back ----

/**
 * Sets a tender's budget aside: each funder's contribution comes from that funder's own money
 * that the tender may use, pro rata to what each of its buckets has available, by largest
 * remainder. A funder without enough is refused by name, and nothing is reserved.
 */
export function reservation(
  b: Balances,
  tenderId: string,
  contributions: { funderOrgId: string; amount: number }[],
  target: GrantTarget,
  memo: string,
) {
  const postings: Posting[] = [];
  const shares = new Map<string, number>();
  for (const c of contributions) {
    const own = eligibleBuckets(b, target).filter(([bucket]) => parseBucketKey(bucket).funderOrgId === c.funderOrgId);
    const refuse = (total: number) =>
      new DomainError(
        'conflict',
        `not enough money from ${c.funderOrgId} in the pool for this tender: ${pounds(c.amount)} needed, ${pounds(total)} available`,
        [{ field: 'funders', rule: 'contribution-available', message: `funder ${c.funderOrgId} has ${pounds(total)} available` }],
        { needed: c.amount, available: total, funderOrgId: c.funderOrgId },
      );
    for (const [bucket, part] of split(own, c.amount, refuse)) {
      shares.set(bucket, part);
      postings.push({ account: account.fund(bucket), amount: part }, { account: account.reserve(tenderId, bucket), amount: -part });
    }
  }
  const entry: LedgerEntry = { type: 'reservation', tenderId, memo, postings };
  return { entry, shares };
}

/**
 * Awards one lot from the tender's reserve: the amount is split over what is still reserved,
 * pro rata, so every part fits in its bucket and the parts sum to the amount.
 */
export function awardFromReserve(b: Balances, tenderId: string, grantId: string, amount: number, memo: string) {
  const shares = new Map(split(sorted(b.reserved.get(tenderId)), amount, 'money reserved for this tender'));
  const postings: Posting[] = [...shares].flatMap(([bucket, part]) => [
    { account: account.reserve(tenderId, bucket), amount: part },
    { account: account.grant(grantId, bucket), amount: -part },
  ]);
  const entry: LedgerEntry = { type: 'allocation', grantId, tenderId, memo, postings };
  return { entry, shares };
}

/** Hands back everything still reserved for a tender to the buckets it came from. */
export function unreservation(b: Balances, tenderId: string, memo: string) {
  const held = sorted(b.reserved.get(tenderId)).filter(([, v]) => v > 0);
  const postings: Posting[] = held.flatMap(([bucket, v]) => [
    { account: account.reserve(tenderId, bucket), amount: v },
    { account: account.fund(bucket), amount: -v },
  ]);
  const entry: LedgerEntry = { type: 'unreservation', tenderId, memo, postings };
  return { entry, shares: new Map(held) };
}
