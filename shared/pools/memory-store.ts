import { keys as consortiaKeys } from '../consortia/keys';
import { keys as grantKeys } from '../grants/keys';
import { conflict, DomainError } from '../platform/errors';
import { eventOp, type Item, type MemoryOp, type MemoryTable, mustExist, mustNotExist, strip } from '../platform/memory/table';
import type { FundingShare, Grant } from './grant';
import { keys } from './keys';
import { bucketOf } from './ledger-transaction';
import type { Pledge } from './pledge';
import type { Pool } from './pool';
import type { Proposal, Round, Vote } from './round';
import { GrantExistsError, type LedgerWrite, type PoolStore, type RoundStore, StaleLedgerError, type StoredEntry } from './store';

const add = (item: Item | undefined, deltas: Partial<Record<string, number>>): Item => {
  const next: Item = { ...item };
  for (const [f, d] of Object.entries(deltas)) if (d) next[f] = ((next[f] as number | undefined) ?? 0) + d;
  return next;
};

/** The ledger transaction of ledger-transaction.ts, as memory operations with the same conditions. */
export function ledgerOps(w: LedgerWrite): MemoryOp[] {
  const seq = w.expectedSeq + 1;
  const ops: MemoryOp[] = [
    {
      key: keys.pool(w.poolId),
      check: (cur) => (cur?.ledgerSeq === w.expectedSeq ? undefined : new StaleLedgerError(w.poolId)),
      write: (cur) => ({ ...add(cur, w.totals), ledgerSeq: seq }),
    },
    {
      key: keys.ledgerEntry(w.poolId, seq),
      check: mustNotExist(() => new StaleLedgerError(w.poolId)),
      write: () => ({ entity: 'ledger-entry', seq, at: w.at, actor: w.actor, ...w.entry }),
    },
    eventOp(w.event),
    ...w.buckets.map((b) => {
      const debit = (b.delta.available ?? 0) < 0 ? -(b.delta.available as number) : 0;
      const unreserve = (b.delta.reserved ?? 0) < 0 ? -(b.delta.reserved as number) : 0;
      return {
        key: keys.bucket(w.poolId, b.bucket),
        check: (cur: Item | undefined) =>
          (debit && ((cur?.available as number | undefined) ?? 0) < debit) ||
          (unreserve && ((cur?.reserved as number | undefined) ?? 0) < unreserve)
            ? conflict(`not enough money left in ${b.bucket}`, { rule: 'bucket-not-negative' })
            : undefined,
        write: (cur: Item | undefined) => ({
          ...add(cur, b.delta),
          entity: 'bucket',
          funderOrgId: b.funderOrgId,
          restriction: b.restriction,
        }),
      };
    }),
  ];
  if (w.pledgeReceipt) {
    const r = w.pledgeReceipt;
    ops.push({
      key: keys.pledge(w.poolId, r.pledgeId),
      check: (cur) =>
        ((cur?.years as { received: number }[] | undefined)?.[r.yearIndex]?.received ?? Number.POSITIVE_INFINITY) <= r.maxReceivedBefore
          ? undefined
          : conflict('over-receipt: another receipt against this pledge arrived first; reload the pledge', { rule: 'no-over-receipt' }),
      write: (cur) => {
        const years = structuredClone(cur?.years as { received: number }[]);
        (years[r.yearIndex] as { received: number }).received += r.amount;
        return { ...cur, years };
      },
    });
  }
  ops.push(...grantOps(w));
  return ops;
}

function grantOps(w: LedgerWrite): MemoryOp[] {
  const ops: MemoryOp[] = [];
  if (w.newGrant) {
    const { grant, shares } = w.newGrant;
    ops.push({
      key: keys.grant(grant.id),
      check: mustNotExist(() => new GrantExistsError(grant.id)),
      write: () => ({ ...keys.grantIndex(grant.poolId, grant.id, grant.recipientOrgId), entity: 'grant', version: 1, ...grant }),
    });
    for (const s of shares) {
      const k = keys.grantShare(grant.id, s.bucket, s.funderOrgId, grant.poolId);
      ops.push({ key: k, write: () => ({ gsi1pk: k.gsi1pk, gsi1sk: k.gsi1sk, entity: 'grant-share', grantId: grant.id, ...s }) });
    }
  }
  for (const s of w.shareDeltas ?? []) {
    const { pk, sk } = keys.grantShare(s.grantId, s.bucket, s.funderOrgId, s.poolId);
    ops.push({
      key: { pk, sk },
      check: mustExist(() => conflict(`grant ${s.grantId} has no share for ${s.bucket}`)),
      write: (cur) => add(cur, { paid: s.paid, returned: s.returned }),
    });
  }
  const g = w.grantAmount;
  if (g) {
    ops.push({
      key: keys.grant(g.grantId),
      check: (cur) =>
        cur?.amount === g.from ? undefined : conflict(`grant ${g.grantId} was amended by someone else; reload and try again`),
      write: (cur) => ({ ...cur, amount: g.to }),
    });
    for (const sh of g.shares) {
      const k = keys.grantShare(g.grantId, sh.bucket, sh.funderOrgId, w.poolId);
      ops.push({
        key: { pk: k.pk, sk: k.sk },
        check: (cur) =>
          sh.delta < 0 && ((cur?.amount as number | undefined) ?? 0) < -sh.delta
            ? conflict(`grant ${g.grantId}: a funder's share changed meanwhile; reload and try again`)
            : undefined,
        write: (cur) => ({
          ...cur,
          gsi1pk: k.gsi1pk,
          gsi1sk: k.gsi1sk,
          entity: 'grant-share',
          grantId: g.grantId,
          bucket: sh.bucket,
          funderOrgId: sh.funderOrgId,
          restriction: sh.restriction,
          paid: cur?.paid ?? 0,
          returned: cur?.returned ?? 0,
          amount: ((cur?.amount as number | undefined) ?? 0) + sh.delta,
        }),
      });
    }
  }
  return ops;
}

const grantOf = (item: Item): Grant => {
  const { version: _v, ...grant } = strip<Grant & { version: number }>(item) as Grant & { version: number };
  return grant;
};

/** Pools and rounds on the in-memory table (fast tests); same keys, same conditions as the DynamoDB adapters. */
export function memoryPools(table: MemoryTable): PoolStore {
  return {
    async createPool(pool, event) {
      table.transact([
        {
          key: keys.pool(pool.id),
          check: mustNotExist(() => conflict(`pool ${pool.id} already exists`)),
          write: () => ({ ...keys.poolIndex(pool.consortiumId, pool.id), entity: 'pool', ...pool }),
        },
        eventOp(event),
      ]);
    },
    async getPool(poolId) {
      return strip<Pool>(table.get(keys.pool(poolId)));
    },
    async listPools(consortiumId) {
      return table.query(consortiaKeys.consortium(consortiumId).pk, keys.prefix.pool, 'gsi1').map((i) => strip<Pool>(i) as Pool);
    },
    async createPledge(pledge, event) {
      const total = pledge.years.reduce((a, y) => a + y.amount, 0);
      table.transact([
        {
          key: keys.pledge(pledge.poolId, pledge.id),
          check: mustNotExist(() => conflict(`pledge ${pledge.id} already exists`)),
          write: () => ({ ...keys.pledgeIndex(pledge.funderOrgId, pledge.poolId, pledge.id), entity: 'pledge', ...pledge }),
        },
        {
          key: keys.pool(pledge.poolId),
          check: mustExist(() => new DomainError('not-found', `pool ${pledge.poolId} does not exist`)),
          write: (cur) => add(cur, { pledged: total }),
        },
        eventOp(event),
      ]);
    },
    async getPledge(poolId, pledgeId) {
      return strip<Pledge>(table.get(keys.pledge(poolId, pledgeId)));
    },
    async listPledges(poolId) {
      return table.query(keys.pool(poolId).pk, keys.prefix.pledge).map((i) => strip<Pledge>(i) as Pledge);
    },
    async listBuckets(poolId) {
      return table.query(keys.pool(poolId).pk, keys.prefix.bucket).map(bucketOf);
    },
    async writeLedger(write) {
      table.transact(ledgerOps(write));
    },
    async listLedger(poolId) {
      return table.query(keys.pool(poolId).pk, keys.prefix.ledger).map((i) => strip<StoredEntry>(i) as StoredEntry);
    },
    async getGrant(grantId) {
      const header = table.get(keys.grant(grantId));
      if (!header) return undefined;
      const shares = table.query(keys.grant(grantId).pk, keys.prefix.share).map((i) => {
        const { grantId: _g, ...share } = strip<FundingShare & { grantId: string }>(i) as FundingShare & { grantId: string };
        return share;
      });
      const changes = table
        .query(keys.grant(grantId).pk, grantKeys.prefix.amendment)
        .map((i) => ({ kind: String(i.kind), at: String(i.at) }));
      return { grant: grantOf(header), shares, changes };
    },
    async listPoolGrants(poolId) {
      return table.query(keys.pool(poolId).pk, keys.prefix.grant, 'gsi1').map(grantOf);
    },
    async listFunderShares(funderOrgId, poolId) {
      return table
        .query(consortiaKeys.organisation(funderOrgId).pk, `${keys.prefix.share}${poolId}#`, 'gsi1')
        .map((i) => strip<FundingShare & { grantId: string }>(i) as FundingShare & { grantId: string });
    },
  };
}

export function memoryRounds(table: MemoryTable): RoundStore {
  const roundStatus = (allowed: string[], error: () => Error) => (cur: Item | undefined) =>
    allowed.includes(String(cur?.status)) ? undefined : error();
  return {
    async createRound(round, event) {
      table.transact([
        {
          key: keys.round(round.id),
          check: mustNotExist(() => conflict(`round ${round.id} already exists`)),
          write: () => ({ ...keys.roundIndex(round.poolId, round.id), entity: 'round', ...round }),
        },
        eventOp(event),
      ]);
    },
    async getRound(roundId) {
      const header = strip<Round>(table.get(keys.round(roundId)));
      if (!header) return undefined;
      const of = <T>(prefix: string) => table.query(keys.round(roundId).pk, prefix).map((i) => strip<T>(i) as T);
      return { round: header, proposals: of<Proposal>('PROPOSAL#'), votes: of<Vote>('VOTE#') };
    },
    async listPoolRounds(poolId) {
      return table.query(keys.pool(poolId).pk, keys.prefix.round, 'gsi1').map((i) => strip<Round>(i) as Round);
    },
    async addProposal(roundId, proposal, event) {
      table.transact([
        {
          key: keys.round(roundId),
          check: roundStatus(['open'], () =>
            conflict(`round ${roundId} is closed: proposals can only be added while it is open`, { rule: 'round-open' }),
          ),
        },
        { key: keys.proposal(roundId, proposal.id), write: () => ({ entity: 'proposal', ...proposal }) },
        eventOp(event),
      ]);
    },
    async putVote(roundId, vote, event) {
      table.transact([
        {
          key: keys.round(roundId),
          check: roundStatus(['voting', 'escalated'], () => conflict(`round ${roundId} is not taking votes`, { rule: 'round-voting' })),
        },
        {
          key: keys.vote(roundId, vote.orgId),
          check: mustNotExist(() =>
            conflict(`your organisation has already voted in round ${roundId}`, { rule: 'one-vote-per-organisation' }),
          ),
          write: () => ({ entity: 'vote', ...vote }),
        },
        eventOp(event),
      ]);
    },
    async saveRound(round, expectedVersion, event) {
      table.transact([
        {
          key: keys.round(round.id),
          check: (cur) =>
            cur?.version === expectedVersion ? undefined : conflict(`round ${round.id} was changed by someone else; reload and try again`),
          write: (cur) => ({ ...cur, ...round }),
        },
        eventOp(event),
      ]);
    },
    async markProposal(roundId, proposalId, fields) {
      table.transact([{ key: keys.proposal(roundId, proposalId), write: (cur) => ({ ...cur, ...fields }) }]);
    },
  };
}
