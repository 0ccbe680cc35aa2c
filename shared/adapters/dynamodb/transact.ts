import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { config } from '../../config/env';
import { DomainError } from '../../domain/errors';
import type { DomainEvent } from '../../domain/events';
import { keys } from '../../store/keys';
import { documentClient } from './client';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The event item that rides in every state-changing transaction (audit trail + outbox). */
export function eventItem(event: DomainEvent): TransactItem {
  return {
    Put: {
      TableName: config.tableName(),
      Item: { ...keys.event(event.subject, event.occurredAt, event.id), entity: 'event', ...event },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * Runs a transaction and turns a cancelled one into a domain error. `explain` maps the index
 * of the item whose condition failed to the error the caller should see.
 */
export async function transact(items: TransactItem[], explain: (failedIndex: number) => Error): Promise<void> {
  try {
    await documentClient.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed >= 0) throw explain(failed);
      if (reasons.some((r) => r.Code === 'TransactionConflict')) {
        throw new DomainError('conflict', 'another change to the same records happened at the same moment; try again');
      }
    }
    throw error;
  }
}
