import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client';

/** Strips key and bookkeeping attributes so callers see the entity only. */
export function entity<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, entity: _e, expiresAt, ...rest } = item;
  return rest as T;
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
