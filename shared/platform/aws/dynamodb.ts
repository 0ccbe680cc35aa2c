import type {
  BatchGetCommandInput,
  DeleteCommandInput,
  GetCommandInput,
  PutCommandInput,
  QueryCommandInput,
  TransactWriteCommandInput,
  UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { clock } from '../clock';
import type { ItemKey, RecordCodec } from '../codec';
import { config } from '../config';
import { recordPartitionWrite, recordUsage, trackingPartitions } from '../usage';
import { dynamodbPlugin } from './dynamodb-plugin';
import { awsCall, liteClient } from './lite';

// The SDK's document-client input types describe DynamoDB's actions with plain values; they are
// types only (nothing of the SDK is bundled), and dynamodb-plugin.ts marshals the same shapes.
type Item = Record<string, unknown>;
interface Inputs {
  GetItem: GetCommandInput;
  PutItem: PutCommandInput;
  UpdateItem: UpdateCommandInput;
  DeleteItem: DeleteCommandInput;
  Query: QueryCommandInput;
  BatchGetItem: BatchGetCommandInput;
  TransactWriteItems: TransactWriteCommandInput;
}
interface Outputs {
  GetItem: { Item?: Item };
  PutItem: { Attributes?: Item };
  UpdateItem: { Attributes?: Item };
  DeleteItem: { Attributes?: Item };
  Query: { Items?: Item[]; LastEvaluatedKey?: Item };
  BatchGetItem: { Responses?: Record<string, Item[]>; UnprocessedKeys?: Record<string, { Keys?: Item[] }> };
  TransactWriteItems: Record<string, unknown>;
}
type Action = keyof Inputs;
/** One call to DynamoDB, built by `op` and run by `documentClient.send`. There is no Scan: lists are served by Query. */
export interface DynamoRequest<A extends Action> {
  action: A;
  input: Inputs[A];
}
const request =
  <A extends Action>(action: A) =>
  (input: Inputs[A]): DynamoRequest<A> => ({ action, input });
export const op = {
  get: request('GetItem'),
  put: request('PutItem'),
  update: request('UpdateItem'),
  delete: request('DeleteItem'),
  query: request('Query'),
  batchGet: request('BatchGetItem'),
  transactWrite: request('TransactWriteItems'),
};

interface CapacityShape {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  CapacityUnits?: number;
}

const writeActions = new Set<Action>(['PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems']);

type Key = Record<string, unknown> | undefined;
type WriteInput = {
  Item?: Key;
  Key?: Key;
  TransactItems?: { Put?: { Item?: Key }; Update?: { Key?: Key }; Delete?: { Key?: Key } }[];
};

/** The partition keys a write touches, for the hot-partition figure. */
function writtenPartitions(input: WriteInput): string[] {
  const keys = [
    ...(input.Item && !input.TransactItems ? [input.Item] : []),
    ...(input.Key && !input.TransactItems ? [input.Key] : []),
    ...(input.TransactItems ?? []).map((t) => t.Put?.Item ?? t.Update?.Key ?? t.Delete?.Key),
  ];
  return keys.map((k) => k?.pk).filter((x): x is string => typeof x === 'string');
}

/**
 * DynamoDB through aws-lite (lite.ts says why not the SDK). Four retries after the first try,
 * five attempts as the SDK client had, and a throttled call then waits it out (`awsCall`): with
 * three attempts, the fault suite's throttling (one call in twenty refused) failed a grant's
 * tranche step now and then under load, three refusals in a row on one call, which no workflow
 * Retry treated as transient.
 */
const client = liteClient('DYNAMODB', { plugins: [dynamodbPlugin], retries: 4 });

/**
 * Runs one call. Every call is counted here, under every use case, so a round-trip figure
 * cannot drift from the code, and asks DynamoDB for its consumed capacity, so usage figures come
 * from the engine rather than from estimates.
 */
async function send<A extends Action>(r: DynamoRequest<A>): Promise<Outputs[A]> {
  recordUsage('dynamodbCalls', 1);
  const isWrite = writeActions.has(r.action);
  if (trackingPartitions() && isWrite) {
    const hour = clock.now().getUTCHours();
    for (const pk of writtenPartitions(r.input as WriteInput)) recordPartitionWrite(pk, hour);
  }
  const input = { ReturnConsumedCapacity: 'TOTAL', ...r.input } as Item;
  const methods = ((await client()) as unknown as { DynamoDB: Record<Action, (input: Item) => Promise<unknown>> }).DynamoDB;
  const output = (await awsCall(() => methods[r.action](input))) as Outputs[A] & { ConsumedCapacity?: CapacityShape | CapacityShape[] };
  const reported = output.ConsumedCapacity;
  for (const c of Array.isArray(reported) ? reported : reported ? [reported] : []) {
    // DynamoDB reports only the total unless asked for INDEXES; attribute it by the kind of call.
    const total = c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0);
    recordUsage(isWrite ? 'dynamodbWriteUnits' : 'dynamodbReadUnits', total);
  }
  return output;
}

/** `send` is all the stores use; the client is made on first use (shared/platform/lazy.ts says why). */
export const documentClient = { send };

/** Every page of a Query; lists are always served by Query on a key or an index. */
export async function queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(op.query({ ...input, ExclusiveStartKey: start }));
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
  (await documentClient.send(op.get({ TableName: tableName, Key: key }))).Item;

/** One record of the table read through its codec, or undefined when there is none; `consistent` for a strongly consistent read. */
export const readRecord = async <T>(codec: RecordCodec<T, never>, key: ItemKey, consistent = false): Promise<T | undefined> =>
  codec.fromOptional(
    consistent
      ? (await documentClient.send(op.get({ TableName: config.tableName(), Key: key, ConsistentRead: true }))).Item
      : await getItem(config.tableName(), key),
  );

/** The records of a partition of the table or an index (those whose sort keys start with `prefix`), read through their codec. */
export const listRecords = async <T>(codec: RecordCodec<T, never>, pk: string, prefix: string, index?: 'gsi1' | 'gsi2'): Promise<T[]> =>
  (await queryAll(byPrefix(config.tableName(), pk, prefix, index))).map((item) => codec.fromItem(item));
