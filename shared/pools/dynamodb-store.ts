import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys as consortiaKeys } from '../consortia/keys';
import type { Grant } from '../grants/grant';
import { keys as grantKeys } from '../grants/keys';
import { byPrefix, documentClient as db, entity, partition, queryAll } from '../platform/aws/dynamodb';
import { eventItem, transact } from '../platform/aws/transact';
import { config } from '../platform/config';
import { conflict, DomainError } from '../platform/errors';
import { readPool } from './dynamodb-pool-reader';
import type { FundingShare } from './grant';
import { keys } from './keys';
import { bucketOf, ledgerTransaction } from './ledger-transaction';
import type { Pledge } from './pledge';
import type { Pool } from './pool';
import type { PoolStore, StoredEntry } from './store';

const table = () => config.tableName();

/** Grant items carry an internal version the domain type does not. */
const grantOf = (item: Record<string, unknown>): Grant => {
  const { version: _v, ...grant } = entity<Grant & { version: number }>(item) as Grant & { version: number };
  return grant;
};

export const dynamoPools: PoolStore = {
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

  getPool: readPool,

  async listPools(consortiumId) {
    const items = await queryAll(byPrefix(table(), consortiaKeys.consortium(consortiumId).pk, keys.prefix.pool, 'gsi1'));
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
    return (await queryAll(byPrefix(table(), keys.pool(poolId).pk, keys.prefix.pledge))).map((i) => entity<Pledge>(i) as Pledge);
  },

  async listBuckets(poolId) {
    return (await queryAll(byPrefix(table(), keys.pool(poolId).pk, keys.prefix.bucket))).map(bucketOf);
  },

  async writeLedger(write) {
    const tx = ledgerTransaction(write);
    await transact(tx.items, tx.explain);
  },

  async listLedger(poolId) {
    return (await queryAll(byPrefix(table(), keys.pool(poolId).pk, keys.prefix.ledger))).map((i) => entity<StoredEntry>(i) as StoredEntry);
  },

  async getGrant(grantId) {
    const items = await queryAll(partition(table(), keys.grant(grantId).pk));
    const header = items.find((i) => i.sk === 'GRANT');
    if (!header) return undefined;
    const shares = items
      .filter((i) => String(i.sk).startsWith(keys.prefix.share))
      .map((i) => {
        const { grantId: _g, ...share } = entity<FundingShare & { grantId: string }>(i) as FundingShare & { grantId: string };
        return share;
      });
    // The grant's amendments live in its partition too (written by the grants feature): read with it, at no extra cost.
    const changes = items
      .filter((i) => String(i.sk).startsWith(grantKeys.prefix.amendment))
      .map((i) => ({ kind: String(i.kind), at: String(i.at) }));
    return { grant: grantOf(header), shares, changes };
  },

  async listPoolGrants(poolId) {
    return (await queryAll(byPrefix(table(), keys.pool(poolId).pk, keys.prefix.grant, 'gsi1'))).map(grantOf);
  },

  async listFunderShares(funderOrgId, poolId) {
    const items = await queryAll(byPrefix(table(), consortiaKeys.organisation(funderOrgId).pk, `${keys.prefix.share}${poolId}#`, 'gsi1'));
    return items.map((i) => entity<FundingShare & { grantId: string }>(i) as FundingShare & { grantId: string });
  },
};
