import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { clock } from '../clock';
import type { ItemKey, RecordCodec } from '../codec';
import { config } from '../config';
import { lazy } from '../lazy';
import { recordPartitionWrite, recordUsage, trackingPartitions } from '../usage';

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

type Key = Record<string, unknown> | undefined;
type WriteInput = {
  Item?: Key;
  Key?: Key;
  TransactItems?: { Put?: { Item?: Key }; Update?: { Key?: Key }; Delete?: { Key?: Key } }[];
  RequestItems?: Record<string, { PutRequest?: { Item?: Key }; DeleteRequest?: { Key?: Key } }[]>;
};

/** The partition keys a write touches (marshalled or not), for the hot-partition figure. */
function writtenPartitions(input: WriteInput): string[] {
  const pk = (k: Key) => {
    const v = k?.pk as { S?: string } | string | undefined;
    return typeof v === 'string' ? v : v?.S;
  };
  const keys = [
    ...(input.Item && !input.TransactItems ? [input.Item] : []),
    ...(input.TransactItems ?? []).map((t) => t.Put?.Item ?? t.Update?.Key ?? t.Delete?.Key),
    ...Object.values(input.RequestItems ?? {}).flatMap((rs) =>
      Array.isArray(rs) ? rs.map((r) => r.PutRequest?.Item ?? r.DeleteRequest?.Key) : [],
    ),
  ];
  return keys.map(pk).filter((x): x is string => x !== undefined);
}

/**
 * One DynamoDB client per container. A middleware counts every call and asks it for its
 * consumed capacity, so usage figures come from the engine rather than from estimates.
 *
 * Five attempts rather than the SDK's default three: a throttled call (a hot partition, a burst
 * at 09:00) is retried with the SDK's jittered backoff for up to about two seconds before the
 * error reaches a use case. With three, the fault suite's throttling (one call in twenty refused)
 * failed a grant's tranche step now and then under load: three refusals in a row on one call,
 * which no workflow Retry treats as transient.
 */
function makeClient(): DynamoDBDocumentClient {
  const dynamodb = new DynamoDBClient({ maxAttempts: 5 });
  dynamodb.middlewareStack.add(
    (next, context) => async (args) => {
      // Counted here, under every use case, so a round-trip figure cannot drift from the code.
      recordUsage('dynamodbCalls', 1);
      if (context.commandName === 'ScanCommand') recordUsage('dynamodbScans', 1);
      if (trackingPartitions() && writeCommands.has(context.commandName ?? '')) {
        const hour = clock.now().getUTCHours();
        for (const pk of writtenPartitions(args.input as WriteInput)) recordPartitionWrite(pk, hour);
      }
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

  return DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
}

/** Made on first use (shared/platform/lazy.ts says why); `send` is all the stores use. */
const client = lazy(makeClient);
export const documentClient: Pick<DynamoDBDocumentClient, 'send'> = {
  send: ((...args: Parameters<DynamoDBDocumentClient['send']>) => client().send(...args)) as DynamoDBDocumentClient['send'],
};

/** Every page of a Query; lists are always served by Query on a key or an index. */
export async function queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
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

/** Every item of one partition (an aggregate and what lives under it), on the table or an index. */
export const partition = (tableName: string, pk: string, index?: 'gsi1' | 'gsi2'): QueryCommandInput => ({
  TableName: tableName,
  ...(index ? { IndexName: index } : {}),
  KeyConditionExpression: `${index ? `${index}pk` : 'pk'} = :pk`,
  ExpressionAttributeValues: { ':pk': pk },
});

/** The item under one key of the table, or undefined. */
export const getItem = async (tableName: string, key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> =>
  (await documentClient.send(new GetCommand({ TableName: tableName, Key: key }))).Item;

/** One record of the table read through its codec, or undefined when there is none; `consistent` for a strongly consistent read. */
export const readRecord = async <T>(codec: RecordCodec<T, never>, key: ItemKey, consistent = false): Promise<T | undefined> =>
  codec.fromOptional(
    consistent
      ? (await documentClient.send(new GetCommand({ TableName: config.tableName(), Key: key, ConsistentRead: true }))).Item
      : await getItem(config.tableName(), key),
  );

/** The records of a partition of the table or an index (those whose sort keys start with `prefix`), read through their codec. */
export const listRecords = async <T>(codec: RecordCodec<T, never>, pk: string, prefix: string, index?: 'gsi1' | 'gsi2'): Promise<T[]> =>
  (await queryAll(byPrefix(config.tableName(), pk, prefix, index))).map((item) => codec.fromItem(item));
