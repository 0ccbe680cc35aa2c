import { keys as consortiaKeys } from '../../../shared/consortia/keys';
import { grantOf, grantRecord } from '../../../shared/grants/codecs';
import { keys as grantKeys } from '../../../shared/grants/keys';
import { conflict, DomainError } from '../../../shared/platform/errors';
import {
  bucketRecord,
  ledgerEntryRecord,
  pledgeRecord,
  poolRecord,
  proposalRecord,
  roundOf,
  roundRecord,
  type StoredBucket,
  shareRecord,
  voteRecord,
} from '../../../shared/pools/codecs';
import { grantWithShares } from '../../../shared/pools/grant-items';
import { keys } from '../../../shared/pools/keys';
import { bucketOf } from '../../../shared/pools/ledger-transaction';
import { GrantExistsError, type LedgerWrite, type PoolStore, type RoundStore, StaleLedgerError } from '../../../shared/pools/store';
import {
  change,
  createOnce,
  eventOp,
  holds,
  type Item,
  type MemoryOp,
  type MemoryTable,
  mustExist,
  mustNotExist,
  newOp,
  putOp,
  setAtOp,
  statusOp,
} from './table';

/** Adds each non-zero delta to the figure (absent counts as 0), as DynamoDB's ADD does. */
function add<T extends object>(value: T, deltas: Partial<Record<keyof T, number>>): T {
  const next = { ...value };
  for (const [f, d] of Object.entries(deltas))
    if (typeof d === 'number' && d) Object.assign(next, { [f]: (Number(Reflect.get(next, f)) || 0) + d });
  return next;
}

/** The ledger transaction of shared/pools/ledger-transaction.ts, as memory operations with the same conditions. */
export function ledgerOps(w: LedgerWrite): MemoryOp[] {
  const seq = w.expectedSeq + 1;
  const ops: MemoryOp[] = [
    {
      key: keys.pool(w.poolId),
      check: holds(
        poolRecord,
        (p) => p.ledgerSeq === w.expectedSeq,
        () => new StaleLedgerError(w.poolId),
      ),
      write: change(poolRecord, (p) => ({ ...add(p, w.totals), ledgerSeq: seq })),
    },
    {
      key: keys.ledgerEntry(w.poolId, seq),
      check: mustNotExist(() => new StaleLedgerError(w.poolId)),
      write: () => ledgerEntryRecord.toItem({ seq, at: w.at, actor: w.actor, ...w.entry }, w.poolId),
    },
    eventOp(w.event),
    ...w.buckets.map((b) => {
      const debit = Math.max(0, -(b.delta.available ?? 0));
      const unreserve = Math.max(0, -(b.delta.reserved ?? 0));
      const short = () => conflict(`not enough money left in ${b.bucket}`, { rule: 'bucket-not-negative' });
      const stored = (cur: Item | undefined): StoredBucket =>
        cur ? bucketRecord.fromItem(cur) : { funderOrgId: b.funderOrgId, restriction: b.restriction };
      return {
        key: keys.bucket(w.poolId, b.bucket),
        check: (cur: Item | undefined) =>
          (stored(cur).available ?? 0) < debit || (stored(cur).reserved ?? 0) < unreserve ? short() : undefined,
        write: (cur: Item | undefined) =>
          bucketRecord.toItem({ ...add(stored(cur), b.delta), funderOrgId: b.funderOrgId, restriction: b.restriction }, w.poolId, b.bucket),
      };
    }),
  ];
  if (w.pledgeReceipt) {
    const r = w.pledgeReceipt;
    ops.push({
      key: keys.pledge(w.poolId, r.pledgeId),
      check: holds(
        pledgeRecord,
        (p) => (p.years[r.yearIndex]?.received ?? Number.POSITIVE_INFINITY) <= r.maxReceivedBefore,
        () => conflict('over-receipt: another receipt against this pledge arrived first; reload the pledge', { rule: 'no-over-receipt' }),
      ),
      write: change(pledgeRecord, (p) => ({
        ...p,
        years: p.years.map((y, i) => (i === r.yearIndex ? { ...y, received: y.received + r.amount } : y)),
      })),
    });
  }
  ops.push(...grantOps(w));
  return ops;
}

function grantOps(w: LedgerWrite): MemoryOp[] {
  const ops: MemoryOp[] = [];
  if (w.newGrant) {
    const { grant, shares } = w.newGrant;
    ops.push(newOp(grantRecord.toItem({ ...grant, version: 1 }), () => new GrantExistsError(grant.id)));
    for (const s of shares) ops.push(putOp(shareRecord.toItem({ grantId: grant.id, ...s }, grant.poolId)));
  }
  for (const s of w.shareDeltas ?? []) {
    ops.push({
      key: keys.grantShare(s.grantId, s.bucket, s.funderOrgId, s.poolId),
      check: mustExist(() => conflict(`grant ${s.grantId} has no share for ${s.bucket}`)),
      write: change(shareRecord, (sh) => ({ ...sh, paid: sh.paid + (s.paid ?? 0), returned: sh.returned + (s.returned ?? 0) }), s.poolId),
    });
  }
  const g = w.grantAmount;
  for (const sh of g?.shares ?? []) {
    if (!g) break;
    const cut = () => conflict(`grant ${g.grantId}: a funder's share changed meanwhile; reload and try again`);
    ops.push({
      key: keys.grantShare(g.grantId, sh.bucket, sh.funderOrgId, w.poolId),
      check: (cur) => (sh.delta < 0 && (cur ? shareRecord.fromItem(cur).amount : 0) < -sh.delta ? cut() : undefined),
      // A raise may bring in a funder the grant did not use before: its share is created then.
      write: (cur) => {
        const was = cur ? shareRecord.fromItem(cur) : { paid: 0, returned: 0, amount: 0 };
        const share = { ...was, grantId: g.grantId, bucket: sh.bucket, funderOrgId: sh.funderOrgId, restriction: sh.restriction };
        return shareRecord.toItem({ ...share, amount: was.amount + sh.delta }, w.poolId);
      },
    });
  }
  return ops;
}

/** Pools and rounds on the in-memory table (fast tests); same codecs, keys and conditions as the DynamoDB adapters. */
export function memoryPools(table: MemoryTable): PoolStore {
  return {
    createPool: (pool, event) => createOnce(table, poolRecord.toItem(pool), event, () => conflict(`pool ${pool.id} already exists`)),
    getPool: async (poolId) => table.read(poolRecord, keys.pool(poolId)),
    listPools: async (consortiumId) => table.list(poolRecord, consortiaKeys.consortium(consortiumId).pk, keys.prefix.pool, 'gsi1'),
    async createPledge(pledge, event) {
      const total = pledge.years.reduce((a, y) => a + y.amount, 0);
      table.transact([
        newOp(pledgeRecord.toItem(pledge), () => conflict(`pledge ${pledge.id} already exists`)),
        {
          key: keys.pool(pledge.poolId),
          check: mustExist(() => new DomainError('not-found', `pool ${pledge.poolId} does not exist`)),
          write: change(poolRecord, (p) => ({ ...p, pledged: p.pledged + total })),
        },
        eventOp(event),
      ]);
    },
    getPledge: async (poolId, pledgeId) => table.read(pledgeRecord, keys.pledge(poolId, pledgeId)),
    listPledges: async (poolId) => table.list(pledgeRecord, keys.pool(poolId).pk, keys.prefix.pledge),
    async listBuckets(poolId) {
      return table.query(keys.pool(poolId).pk, keys.prefix.bucket).map(bucketOf);
    },
    async writeLedger(write) {
      table.transact(ledgerOps(write));
    },
    listLedger: async (poolId) => table.list(ledgerEntryRecord, keys.pool(poolId).pk, keys.prefix.ledger),
    async getGrant(grantId) {
      return grantWithShares(table.query(grantKeys.grant(grantId).pk), grantId);
    },
    async listPoolGrants(poolId) {
      return table.query(keys.pool(poolId).pk, grantKeys.prefix.grant, 'gsi1').map((i) => grantOf(grantRecord.fromItem(i)));
    },
    async listFunderShares(funderOrgId, poolId) {
      return table
        .query(consortiaKeys.organisation(funderOrgId).pk, `${keys.prefix.share}${poolId}#`, 'gsi1')
        .map((i) => shareRecord.fromItem(i));
    },
  };
}

export function memoryRounds(table: MemoryTable): RoundStore {
  return {
    createRound: (round, event) => createOnce(table, roundRecord.toItem(round), event, () => conflict(`round ${round.id} already exists`)),
    async getRound(roundId) {
      return roundOf(table.query(keys.round(roundId).pk), roundId);
    },
    listPoolRounds: async (poolId) => table.list(roundRecord, keys.pool(poolId).pk, keys.prefix.round, 'gsi1'),
    async addProposal(roundId, proposal, event) {
      const closed = () => conflict(`round ${roundId} is closed: proposals can only be added while it is open`, { rule: 'round-open' });
      table.transact([
        statusOp(roundRecord, keys.round(roundId), ['open'], closed),
        putOp(proposalRecord.toItem(proposal, roundId)),
        eventOp(event),
      ]);
    },
    async putVote(roundId, vote, event) {
      const notVoting = () => conflict(`round ${roundId} is not taking votes`, { rule: 'round-voting' });
      const voted = () => conflict(`your organisation has already voted in round ${roundId}`, { rule: 'one-vote-per-organisation' });
      table.transact([
        statusOp(roundRecord, keys.round(roundId), ['voting', 'escalated'], notVoting),
        newOp(voteRecord.toItem(vote, roundId), voted),
        eventOp(event),
      ]);
    },
    async saveRound(round, expectedVersion, event) {
      const moved = () => conflict(`round ${round.id} was changed by someone else; reload and try again`);
      table.transact([setAtOp(roundRecord, keys.round(round.id), round, expectedVersion, moved), eventOp(event)]);
    },
    async markProposal(roundId, proposalId, fields) {
      table.transact([{ key: keys.proposal(roundId, proposalId), write: change(proposalRecord, (p) => ({ ...p, ...fields }), roundId) }]);
    },
  };
}
