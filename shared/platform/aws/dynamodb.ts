import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { recordUsage } from '../usage';

interface CapacityShape {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  CapacityUnits?: number;
}

const writeCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

/**
 * One DynamoDB client per container. A middleware asks every call for its consumed capacity
 * and records it, so usage figures come from the engine rather than from estimates.
 */
export const dynamodb = new DynamoDBClient({});
dynamodb.middlewareStack.add(
  (next, context) => async (args) => {
    const input = args.input as Record<string, unknown>;
    if (!('ReturnConsumedCapacity' in input)) input.ReturnConsumedCapacity = 'TOTAL';
    const result = await next(args);
    const reported = (result.output as { ConsumedCapacity?: CapacityShape | CapacityShape[] }).ConsumedCapacity;
    const isWrite = writeCommands.has(context.commandName ?? '');
    for (const c of Array.isArray(reported) ? reported : reported ? [reported] : []) {
      // DynamoDB reports only the total unless asked for INDEXES; attribute it by the kind of call.
      const total = c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0);
      recordUsage(isWrite ? 'dynamodbWriteUnits' : 'dynamodbReadUnits', total);
    }
    return result;
  },
  { step: 'initialize', name: 'grantloopConsumedCapacity' },
);

export const documentClient = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true },
});

const bookkeeping = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity', 'expiresAt']);

/** Strips key and bookkeeping attributes so callers see the entity only. */
export function entity<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  return Object.fromEntries(Object.entries(item).filter(([k]) => !bookkeeping.has(k))) as T;
}

/** Every page of a Query; lists are always served by Query on a key or an index. */
export async function queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A partition, or the part of it whose sort keys start with `prefix`, on the table or an index. */
export const byPrefix = (tableName: string, pk: string, prefix: string, index?: 'gsi1' | 'gsi2'): QueryCommandInput => {
  const p = index ? `${index}pk` : 'pk';
  const s = index ? `${index}sk` : 'sk';
  return {
    TableName: tableName,
    ...(index ? { IndexName: index } : {}),
    KeyConditionExpression: `${p} = :pk AND begins_with(${s}, :prefix)`,
    ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
  };
};

/** Every item of one partition (an aggregate and what lives under it). */
export const partition = (tableName: string, pk: string): QueryCommandInput => ({
  TableName: tableName,
  KeyConditionExpression: 'pk = :pk',
  ExpressionAttributeValues: { ':pk': pk },
});
