import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { apiClient } from '../../infra/local/client';
import { withEnvironment } from '../../infra/local/function-env';
import { type Ports, startLocal } from '../../infra/local/runtime';
import { ensurePlatformAdmin, seedExampleFunders } from '../../infra/local/scenario';
import { LocalClock } from '../../infra/local/virtual-clock';
import type { Organisation } from '../../shared/consortia/organisation';
import type { User } from '../../shared/consortia/store';

export const root = resolve(import.meta.dirname, '..', '..');
export const START = new Date('2026-04-01T09:00:00Z');
export const DAY = 86400_000;

/**
 * A real local stack for one test file: DynamoDB Local and the SES emulator on free ports,
 * the same handlers and ASL files, and a virtual clock the test moves. A test of restarts
 * brings its own folder (kept, and the table in it), ports and clock.
 */
let stacks = 0;

export async function startTestStack(keep?: { stateDir: string; ports: Ports; clock: LocalClock }) {
  const stateDir = keep?.stateDir ?? mkdtempSync(join(tmpdir(), 'grantloop-test-'));
  const clock = keep?.clock ?? new LocalClock('virtual', START);
  const shared = process.env.GRANTLOOP_TEST_DYNAMODB;
  const runtime = await startLocal({
    root,
    stateDir,
    inMemory: !keep,
    clock,
    ...(keep ? { ports: keep.ports } : {}),
    // A restart test keeps its own engine and folder; every other stack gets a fresh table in the shared one.
    ...(shared && !keep ? { sharedDynamoDb: { endpoint: shared, table: `grantloop-${process.pid}-${++stacks}` } } : {}),
  });
  const api = apiClient(runtime.apiUrl, runtime.issuer);
  const admin = await ensurePlatformAdmin();
  return {
    runtime,
    api,
    admin,
    clock,
    seed: () => seedExampleFunders(runtime, admin),
    /** Runs test code as one of the catalog's functions would run: with that function's environment only. */
    asFunction: <T>(fnId: string, fn: () => T): T => withEnvironment(runtime.environmentOf(fnId), fn),
    /** Raw HTTP for asserting status codes and error bodies. */
    async request(method: string, path: string, opts: { as?: Pick<User, 'id' | 'email'>; body?: unknown; rawBody?: string } = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (opts.as) headers.authorization = `Bearer ${await runtime.issuer.sign({ sub: opts.as.id, email: opts.as.email })}`;
      const body = opts.rawBody ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined);
      const res = await fetch(`${runtime.apiUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
      return {
        status: res.status,
        body: (await res.json().catch(() => undefined)) as Record<string, unknown> & { issues?: { field: string; rule: string }[] },
      };
    },
    /** Counts every item in the table: tests use it to prove a refused request wrote nothing. */
    async itemCount(): Promise<number> {
      let count = 0;
      let start: Record<string, never> | undefined;
      do {
        const page = await dynamoScan(runtime.dynamodbEndpoint, runtime.table, start);
        count += page.Count ?? 0;
        start = page.LastEvaluatedKey as typeof start;
      } while (start);
      return count;
    },
    /** Every item in the table, as JSON text: tests search it for what must never be stored. */
    async tableText(): Promise<string> {
      const parts: string[] = [];
      let start: Record<string, never> | undefined;
      do {
        const page = await dynamoScan(runtime.dynamodbEndpoint, runtime.table, start, 'ALL_ATTRIBUTES');
        parts.push(JSON.stringify(page.Items ?? []));
        start = page.LastEvaluatedKey as typeof start;
      } while (start);
      return parts.join('\n');
    },
    async stop() {
      await runtime.stop();
      if (!keep) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

async function dynamoScan(
  endpoint: string,
  table: string,
  start: Record<string, never> | undefined,
  select: 'COUNT' | 'ALL_ATTRIBUTES' = 'COUNT',
) {
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const client = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return client.send(new ScanCommand({ TableName: table, Select: select, ExclusiveStartKey: start }));
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;
export type { Organisation };
