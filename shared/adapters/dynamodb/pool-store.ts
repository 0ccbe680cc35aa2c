import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../../config/env';
import { conflict, DomainError } from '../../domain/errors';
import type { FundingShare, Grant } from '../../domain/grant';
import type { Pledge } from '../../domain/pledge';
import type { Pool } from '../../domain/pool';
import type { Proposal, Round, Vote } from '../../domain/round';
import {
  type Bucket,
  GrantExistsError,
  type LedgerWrite,
  type PoolStore,
  StaleLedgerError,
  type StoredEntry,
  TrancheReleasedError,
} from '../../ports/pools';
import { keys } from '../../store/keys';
import { documentClient as db } from './client';
import { byPrefix, entity, queryAll } from './query';
import { eventItem, type TransactItem, transact } from './transact';

const table = () => config.tableName();
const totalsFields = ['pledged', 'received', 'committed', 'paid', 'returned'] as const;
const bucketFields = ['available', 'received', 'committed', 'paid', 'returned'] as const;

/** ADD clauses for the non-zero deltas, with their values. */
function adds(prefix: string, deltas: Partial<Record<string, number>>, fields: readonly string[]) {
  const clauses: string[] = [];
  const values: Record<string, number> = {};
  for (const f of fields) {
    const d = deltas[f];
    if (d) {
      clauses.push(`${f} :${prefix}${f}`);
      values[`:${prefix}${f}`] = d;
    }
  }
  return { clauses, values };
}

/**
 * Every money movement is one transaction: the pool's sequence moves by one (so concurrent
 * plans are detected), the entry and event are written, and each bucket, pledge, grant and
 * share is changed under its own condition. Nothing is half-written on failure.
 */
function ledgerItems(w: LedgerWrite): { items: TransactItem[]; explain: (i: number) => Error } {
  const reasons: (() => Error)[] = [];
  const items: TransactItem[] = [];
  const push = (item: TransactItem, reason: () => Error) => {
    items.push(item);
    reasons.push(reason);
  };

  const totals = adds('t', w.totals, totalsFields);
  push(
    {
      Update: {
        TableName: table(),
        Key: keys.pool(w.poolId),
        UpdateExpression: `SET ledgerSeq = :next${totals.clauses.length ? ` ADD ${totals.clauses.join(', ')}` : ''}`,
        ConditionExpression: 'ledgerSeq = :seq',
        ExpressionAttributeValues: { ':seq': w.expectedSeq, ':next': w.expectedSeq + 1, ...totals.values },
      },
    },
    () => new StaleLedgerError(),
  );
  const seq = w.expectedSeq + 1;
  push(
    {
      Put: {
        TableName: table(),
        Item: { ...keys.ledgerEntry(w.poolId, seq), entity: 'ledger-entry', seq, at: w.at, actor: w.actor, ...w.entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    () => new StaleLedgerError(),
  );
  push(eventItem(w.event), () => conflict(`event ${w.event.id} was already recorded`));

  for (const b of w.buckets) {
    const delta = adds('b', b.delta, bucketFields);
    const debit = (b.delta.available ?? 0) < 0 ? -(b.delta.available as number) : 0;
    push(
      {
        Update: {
          TableName: table(),
          Key: keys.bucket(w.poolId, b.bucket),
          UpdateExpression: `SET entity = :entity, funderOrgId = :funder, restriction = :restriction ADD ${delta.clauses.join(', ')}`,
          ...(debit ? { ConditionExpression: 'available >= :debit' } : {}),
          ExpressionAttributeValues: {
            ':entity': 'bucket',
            ':funder': b.funderOrgId,
            ':restriction': b.restriction,
            ...delta.values,
            ...(debit ? { ':debit': debit } : {}),
          },
        },
      },
      () => conflict(`not enough money left in ${b.bucket}`, { rule: 'bucket-not-negative' }),
    );
  }

  if (w.pledgeReceipt) {
    const r = w.pledgeReceipt;
    push(
      {
        Update: {
          TableName: table(),
          Key: keys.pledge(w.poolId, r.pledgeId),
          UpdateExpression: `SET years[${r.yearIndex}].received = years[${r.yearIndex}].received + :amount`,
          ConditionExpression: `years[${r.yearIndex}].received <= :max`,
          ExpressionAttributeValues: { ':amount': r.amount, ':max': r.maxReceivedBefore },
        },
      },
      () => conflict('over-receipt: another receipt against this pledge arrived first; reload the pledge', { rule: 'no-over-receipt' }),
    );
  }

  if (w.newGrant) {
    const { grant, shares } = w.newGrant;
    push(
      {
        Put: {
          TableName: table(),
          Item: {
            ...keys.grant(grant.id),
            ...keys.grantIndex(grant.poolId, grant.id, grant.recipientOrgId),
            entity: 'grant',
            version: 1,
            ...grant,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      () => new GrantExistsError(grant.id),
    );
    for (const s of shares) {
      push(
        {
          Put: {
            TableName: table(),
            Item: { ...keys.grantShare(grant.id, s.bucket, s.funderOrgId, grant.poolId), entity: 'grant-share', grantId: grant.id, ...s },
          },
        },
        () => new GrantExistsError(grant.id),
      );
    }
  }

  for (const s of w.shareDeltas ?? []) {
    const delta = adds('s', { paid: s.paid, returned: s.returned }, ['paid', 'returned']);
    push(
      {
        Update: {
          TableName: table(),
          Key: {
            pk: keys.grantShare(s.grantId, s.bucket, s.funderOrgId, s.poolId).pk,
            sk: keys.grantShare(s.grantId, s.bucket, s.funderOrgId, s.poolId).sk,
          },
          UpdateExpression: `ADD ${delta.clauses.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: delta.values,
        },
      },
      () => conflict(`grant ${s.grantId} has no share for ${s.bucket}`),
    );
  }
  if (w.trancheRelease) {
    const { grantId, seq } = w.trancheRelease;
    push(
      {
        Update: {
          TableName: table(),
          Key: keys.tranche(grantId, seq),
          UpdateExpression: 'SET #status = :released, releasedAt = :at',
          ConditionExpression: '#status = :scheduled',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':released': 'released', ':scheduled': 'scheduled', ':at': w.at },
        },
      },
      () => new TrancheReleasedError(grantId, seq),
    );
  }
  if (w.grantAmount) {
    const g = w.grantAmount;
    push(
      {
        Update: {
          TableName: table(),
          Key: keys.grant(g.grantId),
          UpdateExpression: 'SET #amount = :to',
          ConditionExpression: '#amount = :from',
          ExpressionAttributeNames: { '#amount': 'amount' },
          ExpressionAttributeValues: { ':to': g.to, ':from': g.from },
        },
      },
      () => conflict(`grant ${g.grantId} was amended by someone else; reload and try again`),
    );
    for (const sh of g.shares) {
      const share = keys.grantShare(g.grantId, sh.bucket, sh.funderOrgId, w.poolId);
      push(
        {
          Update: {
            TableName: table(),
            Key: { pk: share.pk, sk: share.sk },
            // A raise may bring in a funder the grant did not use before: create its share then.
            UpdateExpression:
              'SET gsi1pk = :gpk, gsi1sk = :gsk, entity = :entity, grantId = :grant, #bucket = :bucket, funderOrgId = :funder, restriction = :restriction, ' +
              'paid = if_not_exists(paid, :zero), returned = if_not_exists(returned, :zero) ADD #amount :delta',
            ...(sh.delta < 0 ? { ConditionExpression: '#amount >= :cut' } : {}),
            // Both are DynamoDB reserved words.
            ExpressionAttributeNames: { '#bucket': 'bucket', '#amount': 'amount' },
            ExpressionAttributeValues: {
              ':gpk': share.gsi1pk,
              ':gsk': share.gsi1sk,
              ':entity': 'grant-share',
              ':grant': g.grantId,
              ':bucket': sh.bucket,
              ':funder': sh.funderOrgId,
              ':restriction': sh.restriction,
              ':zero': 0,
              ':delta': sh.delta,
              ...(sh.delta < 0 ? { ':cut': -sh.delta } : {}),
            },
          },
        },
        () => conflict(`grant ${g.grantId}: a funder's share changed meanwhile; reload and try again`),
      );
    }
    for (const t of g.tranches) {
      push(
        {
          Update: {
            TableName: table(),
            Key: keys.tranche(g.grantId, t.seq),
            UpdateExpression: 'SET #amount = :amount, #status = :status',
            ConditionExpression: '#status = :scheduled',
            ExpressionAttributeNames: { '#status': 'status', '#amount': 'amount' },
            ExpressionAttributeValues: { ':amount': t.amount, ':status': t.status, ':scheduled': 'scheduled' },
          },
        },
        () => conflict(`tranche ${t.seq} of grant ${g.grantId} was paid meanwhile; reload and try again`),
      );
    }
    push(
      {
        Put: {
          TableName: table(),
          Item: { ...keys.amendment(g.grantId, g.amendment.at, g.amendment.id), entity: 'amendment', ...g.amendment },
        },
      },
      () => conflict('amendment already recorded'),
    );
  }
  return { items, explain: (i) => (reasons[i] ?? (() => conflict('the change could not be recorded')))() };
}

export const dynamoPoolStore: PoolStore = {
  async createPool(pool, event) {
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: { ...keys.pool(pool.id), ...keys.poolIndex(pool.consortiumId, pool.id), entity: 'pool', ...pool },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        eventItem(event),
      ],
      () => conflict(`pool ${pool.id} already exists`),
    );
  },

  async getPool(poolId) {
    const out = await db.send(new GetCommand({ TableName: table(), Key: keys.pool(poolId) }));
    return entity<Pool>(out.Item);
  },

  async listPools(consortiumId) {
    const items = await queryAll(byPrefix(table(), keys.consortium(consortiumId).pk, 'POOL#', 'gsi1'));
    return items.map((i) => entity<Pool>(i) as Pool);
  },

  async createPledge(pledge, event) {
    const total = pledge.years.reduce((a, y) => a + y.amount, 0);
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: {
              ...keys.pledge(pledge.poolId, pledge.id),
              ...keys.pledgeIndex(pledge.funderOrgId, pledge.poolId, pledge.id),
              entity: 'pledge',
              ...pledge,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: table(),
            Key: keys.pool(pledge.poolId),
            UpdateExpression: 'ADD pledged :total',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':total': total },
          },
        },
        eventItem(event),
      ],
      (i) =>
        i === 1 ? new DomainError('not-found', `pool ${pledge.poolId} does not exist`) : conflict(`pledge ${pledge.id} already exists`),
    );
  },

  async getPledge(poolId, pledgeId) {
    const out = await db.send(new GetCommand({ TableName: table(), Key: keys.pledge(poolId, pledgeId) }));
    return entity<Pledge>(out.Item);
  },

  async listPledges(poolId) {
    return (await queryAll(byPrefix(table(), keys.pool(poolId).pk, 'PLEDGE#'))).map((i) => entity<Pledge>(i) as Pledge);
  },

  async listBuckets(poolId) {
    const items = await queryAll(byPrefix(table(), keys.pool(poolId).pk, 'BUCKET#'));
    return items.map((i) => ({
      bucket: String(i.sk).slice('BUCKET#'.length),
      funderOrgId: i.funderOrgId as string,
      restriction: i.restriction as Bucket['restriction'],
      ...Object.fromEntries(bucketFields.map((f) => [f, (i[f] as number | undefined) ?? 0])),
    })) as Bucket[];
  },

  async writeLedger(write) {
    const { items, explain } = ledgerItems(write);
    await transact(items, explain);
  },

  async listLedger(poolId) {
    return (await queryAll(byPrefix(table(), keys.pool(poolId).pk, 'LEDGER#'))).map((i) => entity<StoredEntry>(i) as StoredEntry);
  },

  async getGrant(grantId) {
    const items = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.grant(grantId).pk },
    });
    const header = items.find((i) => i.sk === 'GRANT');
    if (!header) return undefined;
    const { version: _v, ...grant } = entity<Grant & { version: number }>(header) as Grant & { version: number };
    const shares = items
      .filter((i) => String(i.sk).startsWith('SHARE#'))
      .map((i) => {
        const { grantId: _g, ...share } = entity<FundingShare & { grantId: string }>(i) as FundingShare & { grantId: string };
        return share;
      });
    return { grant, shares };
  },

  async listPoolGrants(poolId) {
    return (await queryAll(byPrefix(table(), keys.pool(poolId).pk, 'GRANT#', 'gsi1'))).map((i) => {
      const { version: _v, ...grant } = entity<Grant & { version: number }>(i) as Grant & { version: number };
      return grant;
    });
  },

  async listFunderShares(funderOrgId, poolId) {
    const items = await queryAll(byPrefix(table(), keys.organisation(funderOrgId).pk, `SHARE#${poolId}#`, 'gsi1'));
    return items.map((i) => entity<FundingShare & { grantId: string }>(i) as FundingShare & { grantId: string });
  },

  async createRound(round, event) {
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: { ...keys.round(round.id), ...keys.roundIndex(round.poolId, round.id), entity: 'round', ...round },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        eventItem(event),
      ],
      () => conflict(`round ${round.id} already exists`),
    );
  },

  async getRound(roundId) {
    const items = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.round(roundId).pk },
    });
    const header = items.find((i) => i.sk === 'ROUND');
    if (!header) return undefined;
    const of = <T>(prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix)).map((i) => entity<T>(i) as T);
    return { round: entity<Round>(header) as Round, proposals: of<Proposal>('PROPOSAL#'), votes: of<Vote>('VOTE#') };
  },

  async addProposal(roundId, proposal, event) {
    await transact(
      [
        {
          ConditionCheck: {
            TableName: table(),
            Key: keys.round(roundId),
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':open': 'open' },
          },
        },
        { Put: { TableName: table(), Item: { ...keys.proposal(roundId, proposal.id), entity: 'proposal', ...proposal } } },
        eventItem(event),
      ],
      () => conflict(`round ${roundId} is closed: proposals can only be added while it is open`, { rule: 'round-open' }),
    );
  },

  async putVote(roundId, vote, event) {
    await transact(
      [
        {
          ConditionCheck: {
            TableName: table(),
            Key: keys.round(roundId),
            ConditionExpression: '#status IN (:voting, :escalated)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':voting': 'voting', ':escalated': 'escalated' },
          },
        },
        {
          Put: {
            TableName: table(),
            Item: { ...keys.vote(roundId, vote.orgId), entity: 'vote', ...vote },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        eventItem(event),
      ],
      (i) =>
        i === 0
          ? conflict(`round ${roundId} is not taking votes`, { rule: 'round-voting' })
          : conflict(`your organisation has already voted in round ${roundId}`, { rule: 'one-vote-per-organisation' }),
    );
  },

  async saveRound(round, expectedVersion, event) {
    const { id, ...fields } = round;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':expected': expectedVersion };
    const sets = Object.entries(fields).map(([k, v], i) => {
      names[`#f${i}`] = k;
      values[`:v${i}`] = v;
      return `#f${i} = :v${i}`;
    });
    await transact(
      [
        {
          Update: {
            TableName: table(),
            Key: keys.round(id),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: 'version = :expected',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
        eventItem(event),
      ],
      () => conflict(`round ${id} was changed by someone else; reload and try again`),
    );
  },

  async markProposal(roundId, proposalId, fields) {
    await db.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.proposal(roundId, proposalId),
        UpdateExpression: `SET #status = :status${fields.grantId ? ', grantId = :grantId' : ''}${fields.reason ? ', reason = :reason' : ''}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': fields.status,
          ...(fields.grantId ? { ':grantId': fields.grantId } : {}),
          ...(fields.reason ? { ':reason': fields.reason } : {}),
        },
      }),
    );
  },
};
