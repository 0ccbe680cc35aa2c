import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { eventRecord } from '../codecs';
import { config } from '../config';
import { DomainError } from '../errors';
import { type DomainEvent, outboxEvent } from '../events';
import { platformKeys } from '../keys';
import type { WaitingTask } from '../ports';
import { documentClient, op } from './dynamodb';
import { isAwsError } from './lite';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The event item that rides in every state-changing transaction (audit trail + outbox). An event
 * whose payload does not fit its producer's schema is refused here, before the transaction.
 */
export function eventItem(event: DomainEvent): TransactItem {
  outboxEvent(event);
  return {
    Put: {
      TableName: config.tableName(),
      Item: eventRecord.toItem(event),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** A new item: refused when an item with its key exists, so a record is created once. */
export const putNew = (item: Record<string, unknown>): TransactItem => ({
  Put: { TableName: config.tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
});

/** An item written whatever is there (a record replaced in place, a child beside its guarded parent). */
export const put = (item: Record<string, unknown>): TransactItem => ({ Put: { TableName: config.tableName(), Item: item } });

/** A whole versioned record replaced, only if its version is still the one read. */
export const putAt = (item: Record<string, unknown>, expectedVersion: number): TransactItem => ({
  Put: {
    TableName: config.tableName(),
    Item: item,
    ConditionExpression: 'version = :expected',
    ExpressionAttributeValues: { ':expected': expectedVersion },
  },
});

/** Sets attributes of a versioned record's item (`version` among them, moved on), only if its version is still the one read. */
export function setAt(key: { pk: string; sk: string }, fields: Record<string, unknown>, expectedVersion: number): TransactItem {
  const entries = Object.entries(fields);
  return {
    Update: {
      TableName: config.tableName(),
      Key: key,
      UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
      ConditionExpression: 'version = :expected',
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])),
      ExpressionAttributeValues: { ...Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])), ':expected': expectedVersion },
    },
  };
}

/**
 * A condition on an item's `status` checked in the transaction (the item is not written): it is
 * one of `statuses`, and `also` holds (e.g. a deadline); `values` are those `also` names.
 */
export function statusCheck(
  key: { pk: string; sk: string },
  statuses: readonly string[],
  also?: { condition: string; values: Record<string, unknown> },
): TransactItem {
  const named = statuses.map((s, i) => [`:status${i}`, s] as const);
  const inStatus = named.length === 1 ? `#status = ${named[0]?.[0]}` : `#status IN (${named.map(([k]) => k).join(', ')})`;
  return {
    ConditionCheck: {
      TableName: config.tableName(),
      Key: key,
      ConditionExpression: also ? `${inStatus} AND ${also.condition}` : inStatus,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ...Object.fromEntries(named), ...also?.values },
    },
  };
}

/** Creates a record with its event in one transaction; `exists` is the error when its key is taken. */
export const createWithEvent = (item: Record<string, unknown>, event: DomainEvent, exists: () => Error): Promise<void> =>
  transact([putNew(item), eventItem(event)], exists);

/** A versioned record written with its event: `stale` when its version moved, a conflict when the event was recorded before. */
export const writeVersioned = (item: TransactItem, event: DomainEvent, stale: () => Error): Promise<void> =>
  transact([item, eventItem(event)], (failed) => (failed === 0 ? stale() : eventRecorded(event)));

/** What a failed event item means: its id was written before (a transaction must not record an event twice). */
export const eventRecorded = (event: DomainEvent): DomainError => new DomainError('conflict', `event ${event.id} was already recorded`);

/** Consumes a single-use link in the transaction that records what was sent through it. */
export function consumeLinkItem(hash: string, now: string): TransactItem {
  return {
    Update: {
      TableName: config.tableName(),
      Key: platformKeys.link(hash),
      UpdateExpression: 'SET #status = :used, usedAt = :now',
      // Single use, and only before it expires: checked by DynamoDB, not by a read first.
      ConditionExpression: '#status = :active AND expiresAtIso > :now',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':used': 'used', ':active': 'active', ':now': now },
    },
  };
}

/** Takes a parked task token in the transaction that makes it due, only if it is still the one read. */
export function takeWaitingItem(task: WaitingTask): TransactItem {
  return {
    Delete: {
      TableName: config.tableName(),
      Key: platformKeys.waitingTask(task.subject, task.purpose),
      ConditionExpression: 'taskToken = :token',
      ExpressionAttributeValues: { ':token': task.taskToken },
    },
  };
}

/** Why each item of a cancelled transaction failed, in the items' order, as DynamoDB answers it. */
const cancellationCodes = (error: Error & Record<string, unknown>): unknown[] =>
  Array.isArray(error.CancellationReasons)
    ? error.CancellationReasons.map((r: unknown) => (r && typeof r === 'object' && 'Code' in r ? r.Code : undefined))
    : [];

/**
 * Runs a transaction and turns a cancelled one into a domain error. `explain` maps the index
 * of the item whose condition failed to the error the caller should see.
 */
export async function transact(items: TransactItem[], explain: (failedIndex: number) => Error): Promise<void> {
  try {
    await documentClient.send(op.transactWrite({ TransactItems: items }));
  } catch (error) {
    if (isAwsError(error, 'TransactionCanceledException')) {
      const reasons = cancellationCodes(error);
      const failed = reasons.indexOf('ConditionalCheckFailed');
      if (failed >= 0) throw explain(failed);
      if (reasons.includes('TransactionConflict')) {
        throw new DomainError('conflict', 'another change to the same records happened at the same moment; try again');
      }
    }
    throw error;
  }
}

/** Runs a transaction whose conditions express "still allowed"; a refusal is a plain false. */
export async function attempt(items: TransactItem[]): Promise<boolean> {
  try {
    await documentClient.send(op.transactWrite({ TransactItems: items }));
    return true;
  } catch (error) {
    if (isAwsError(error, 'TransactionCanceledException') && cancellationCodes(error).includes('ConditionalCheckFailed')) return false;
    throw error;
  }
}
