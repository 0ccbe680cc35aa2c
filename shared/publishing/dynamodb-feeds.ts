import { byPrefix, documentClient, listRecords, op, queryAll, readRecord } from '../platform/aws/dynamodb';
import { attempt, put, type TransactItem } from '../platform/aws/transact';
import { config } from '../platform/config';
import { documentPartRecord, rebuildRecord } from './codecs';
import type { FeedStore } from './feed-store';
import { keys } from './keys';

/** The rebuild claim still ours: checked in every transaction that writes a document. */
const stillOurs = (consortiumId: string, claim: number): TransactItem => ({
  ConditionCheck: {
    TableName: config.tableName(),
    Key: keys.rebuild(consortiumId),
    ConditionExpression: 'claim = :claim',
    ExpressionAttributeValues: { ':claim': claim },
  },
});

const remove = (key: { pk: string; sk: string }): TransactItem => ({ Delete: { TableName: config.tableName(), Key: key } });

const firstParts = <T extends { part: number }>(parts: T[]) => parts.filter((p) => p.part === 0);

/** The public documents on DynamoDB: parts under `OPEN#<consortium>`, each write conditional on the rebuild's claim. */
export const dynamoFeeds: FeedStore = {
  readDocument: (consortiumId, name) => listRecords(documentPartRecord, keys.openPartition(consortiumId), keys.documentPrefix(name)),
  // Strongly consistent: a rebuild compares with, and replaces, the parts as they are now.
  listDocuments: async (consortiumId) => {
    const query = { ...byPrefix(config.tableName(), keys.openPartition(consortiumId), keys.documentsPrefix), ConsistentRead: true };
    return firstParts((await queryAll(query)).map((item) => documentPartRecord.fromItem(item)));
  },
  lastClaim: async (consortiumId) => (await readRecord(rebuildRecord, keys.rebuild(consortiumId), true))?.claim,
  async claimRebuild(consortiumId) {
    // One atomic ADD: two rebuilds can never hold the same number, and numbers follow the order they were taken in.
    const { Attributes } = await documentClient.send(
      op.update({
        TableName: config.tableName(),
        Key: keys.rebuild(consortiumId),
        UpdateExpression: 'SET consortiumId = :id, entity = :entity, v = :v ADD claim :one',
        ExpressionAttributeValues: { ':id': consortiumId, ':entity': rebuildRecord.kind, ':v': rebuildRecord.version, ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return rebuildRecord.fromItem(Attributes ?? {}).claim;
  },
  writeDocument: (claim, parts, previousParts) => {
    const [first] = parts;
    if (!first) throw new Error('a document has at least one part');
    const stale = Array.from({ length: Math.max(0, previousParts - parts.length) }, (_, i) =>
      remove(keys.document(first.consortiumId, first.name, parts.length + i)),
    );
    return attempt([stillOurs(first.consortiumId, claim), ...parts.map((p) => put(documentPartRecord.toItem(p))), ...stale]);
  },
  deleteDocument: (claim, consortiumId, name, parts) =>
    attempt([stillOurs(consortiumId, claim), ...Array.from({ length: parts }, (_, i) => remove(keys.document(consortiumId, name, i)))]),
};
