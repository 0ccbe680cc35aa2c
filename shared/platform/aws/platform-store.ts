import { currentLinkRecord, eventRecord, linkOf, linkRecord, onceRecord, waitingTaskRecord } from '../codecs';
import { config } from '../config';
import { conflict } from '../errors';
import { platformKeys as keys } from '../keys';
import type { LinkRecord } from '../links/token';
import type { ItemKey, PlatformStore } from '../ports';
import { documentClient as db, op, queryAll } from './dynamodb';
import { isAwsError } from './lite';
import { eventItem, transact } from './transact';

const table = () => config.tableName();

/** The stored link item back as a record: its expiry is kept as `expiresAtIso` (the TTL owns `expiresAt`). */
function asLink(item: Record<string, unknown> | undefined): LinkRecord | undefined {
  const stored = linkRecord.fromOptional(item);
  return stored && linkOf(stored);
}

/**
 * Items by key in one BatchGetItem (keys de-duplicated, as DynamoDB requires); keys DynamoDB
 * leaves unprocessed under load are asked again.
 */
async function getMany(wanted: ItemKey[]): Promise<Map<string, Record<string, unknown>>> {
  const id = (k: Record<string, unknown>) => `${k.pk}\u0000${k.sk}`;
  const found = new Map<string, Record<string, unknown>>();
  let pending: Record<string, unknown>[] = [...new Map(wanted.map((k) => [id({ ...k }), { pk: k.pk, sk: k.sk }])).values()];
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
    const out = await db.send(op.batchGet({ RequestItems: { [table()]: { Keys: pending } } }));
    for (const item of out.Responses?.[table()] ?? []) found.set(id(item), item);
    pending = out.UnprocessedKeys?.[table()]?.Keys ?? [];
  }
  return found;
}

/** A link record as stored: the TTL removes it a month after the link expires. */
const linkItem = ({ expiresAt, ...link }: LinkRecord) => ({
  ...linkRecord.toItem({ ...link, expiresAtIso: expiresAt }),
  expiresAt: epoch(expiresAt) + 30 * 86400,
});
const epoch = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** True if the call failed only because its condition did not hold. */
const refused = (error: unknown) => isAwsError(error, 'ConditionalCheckFailedException');

export const dynamoPlatform: PlatformStore = {
  async putWaitingTask(task) {
    await db.send(
      op.put({
        TableName: table(),
        Item: {
          ...waitingTaskRecord.toItem(task),
          // Kept a week past the deadline for diagnosis, then removed by TTL.
          expiresAt: epoch(task.deadline) + 7 * 86400,
        },
      }),
    );
  },

  async getWaitingTask(subject, purpose) {
    const out = await db.send(op.get({ TableName: table(), Key: keys.waitingTask(subject, purpose) }));
    return waitingTaskRecord.fromOptional(out.Item);
  },

  async takeWaitingTask(subject, purpose) {
    try {
      const out = await db.send(
        op.delete({
          TableName: table(),
          Key: keys.waitingTask(subject, purpose),
          ConditionExpression: 'attribute_exists(pk)',
          ReturnValues: 'ALL_OLD',
        }),
      );
      return waitingTaskRecord.fromOptional(out.Attributes);
    } catch (error) {
      if (refused(error)) return undefined;
      throw error;
    }
  },

  async claimOnce(scope, now, ttlDays) {
    try {
      await db.send(
        op.put({
          TableName: table(),
          Item: {
            ...onceRecord.toItem({ claimedAt: now.toISOString() }, scope),
            expiresAt: epoch(now.toISOString()) + ttlDays * 86400,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (refused(error)) return false;
      throw error;
    }
  },

  async releaseOnce(scope) {
    await db.send(op.delete({ TableName: table(), Key: keys.once(scope) }));
  },

  async appendEvent(event) {
    await transact([eventItem(event)], () => conflict(`event ${event.id} was already recorded`));
  },

  async listEvents(subject) {
    const items = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': subject, ':sk': keys.eventPrefix },
    });
    return items.map(eventRecord.fromItem);
  },

  async putLink(link) {
    await db.send(op.put({ TableName: table(), Item: linkItem(link), ConditionExpression: 'attribute_not_exists(pk)' }));
  },

  async getLink(hash) {
    const out = await db.send(op.get({ TableName: table(), Key: keys.link(hash) }));
    return asLink(out.Item);
  },

  async getLinkWith(hash, also) {
    const wanted = [keys.link(hash), ...also];
    const found = await getMany(wanted);
    const at = (k: ItemKey) => found.get(`${k.pk}\u0000${k.sk}`);
    return { link: asLink(at(keys.link(hash))), items: also.map(at) };
  },

  async revokeLink(hash, now) {
    await db.send(
      op.update({
        TableName: table(),
        Key: keys.link(hash),
        UpdateExpression: 'SET #status = :revoked, revokedAt = :now',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':revoked': 'revoked', ':now': now },
      }),
    );
  },

  async getCurrentLink(pointer) {
    const out = await db.send(op.get({ TableName: table(), Key: pointer }));
    return currentLinkRecord.fromOptional(out.Item);
  },

  async rotateLink(pointer, link, previous, event) {
    const revoke = previous
      ? [
          {
            Update: {
              TableName: table(),
              Key: keys.link(previous),
              UpdateExpression: 'SET #status = :revoked, revokedAt = :now',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':revoked': 'revoked', ':now': link.createdAt },
            },
          },
        ]
      : [];
    await transact(
      [
        { Put: { TableName: table(), Item: linkItem(link), ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Put: {
            TableName: table(),
            Item: currentLinkRecord.toItem({ hash: link.hash, createdAt: link.createdAt }, pointer),
            ...(previous
              ? {
                  // HASH is a DynamoDB reserved word.
                  ConditionExpression: '#hash = :previous',
                  ExpressionAttributeNames: { '#hash': 'hash' },
                  ExpressionAttributeValues: { ':previous': previous },
                }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          },
        },
        ...revoke,
        eventItem(event),
      ],
      () => conflict('the link was changed by someone else at the same moment; reload and try again', { rule: 'link-rotated' }),
    );
  },

  async probe() {
    await db.send(op.get({ TableName: table(), Key: keys.probe }));
  },
};
