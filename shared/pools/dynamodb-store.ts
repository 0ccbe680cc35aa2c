import { keys as consortiaKeys } from '../consortia/keys';
import { grantOf, grantRecord } from '../grants/codecs';
import { keys as grantKeys } from '../grants/keys';
import { byPrefix, listRecords, partition, queryAll, readRecord } from '../platform/aws/dynamodb';
import { createWithEvent, eventItem, putNew, transact } from '../platform/aws/transact';
import { config } from '../platform/config';
import { conflict, DomainError } from '../platform/errors';
import { ledgerEntryRecord, pledgeRecord, poolRecord, shareRecord } from './codecs';
import { readPool } from './dynamodb-pool-reader';
import { grantWithShares } from './grant-items';
import { keys } from './keys';
import { bucketOf, ledgerTransaction } from './ledger-transaction';
import type { PoolStore } from './store';

const table = () => config.tableName();

export const dynamoPools: PoolStore = {
  createPool: (pool, event) => createWithEvent(poolRecord.toItem(pool), event, () => conflict(`pool ${pool.id} already exists`)),

  getPool: readPool,

  listPools: (consortiumId) => listRecords(poolRecord, consortiaKeys.consortium(consortiumId).pk, keys.prefix.pool, 'gsi1'),

  async createPledge(pledge, event) {
    const total = pledge.years.reduce((a, y) => a + y.amount, 0);
    await transact(
      [
        putNew(pledgeRecord.toItem(pledge)),
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

  getPledge: (poolId, pledgeId) => readRecord(pledgeRecord, keys.pledge(poolId, pledgeId)),

  listPledges: (poolId) => listRecords(pledgeRecord, keys.pool(poolId).pk, keys.prefix.pledge),

  async listBuckets(poolId) {
    return (await queryAll(byPrefix(table(), keys.pool(poolId).pk, keys.prefix.bucket))).map(bucketOf);
  },

  async writeLedger(write) {
    const tx = ledgerTransaction(write);
    await transact(tx.items, tx.explain);
  },

  listLedger: (poolId) => listRecords(ledgerEntryRecord, keys.pool(poolId).pk, keys.prefix.ledger),

  async getGrant(grantId) {
    return grantWithShares(await queryAll(partition(table(), grantKeys.grant(grantId).pk)), grantId);
  },

  async listPoolGrants(poolId) {
    // A pool's grants are listed in its partition of gsi1 (grants' `keys.grantIndex`).
    return (await queryAll(byPrefix(table(), keys.pool(poolId).pk, grantKeys.prefix.grant, 'gsi1'))).map((i) =>
      grantOf(grantRecord.fromItem(i)),
    );
  },

  listFunderShares: (funderOrgId, poolId) =>
    listRecords(shareRecord, consortiaKeys.organisation(funderOrgId).pk, `${keys.prefix.share}${poolId}#`, 'gsi1'),
};
