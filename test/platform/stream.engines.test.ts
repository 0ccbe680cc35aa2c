import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../infra/catalog';
import { localCredentials } from '../../infra/local/dynamodb-local';
import { type LocalRuntime, startLocal } from '../../infra/local/runtime';
import { LocalClock } from '../../infra/local/virtual-clock';
import { defineSlice } from '../../shared/platform/catalog';
import { delivery } from '../../shared/platform/delivery';
import { type DomainEvent, defineEvents } from '../../shared/platform/events';
import { newId } from '../../shared/platform/ids';
import * as z from '../../shared/platform/zod';
import { root, START } from '../support/stack';

/** The probe's one event: the outbox writes only declared types. */
const probeEvents = defineEvents('stream-probe', () => ({
  'probe.written': z.strictObject({ n: z.int(), poison: z.optional(z.boolean()) }),
}));

/** The real local runtime on DynamoDB Local, with a router that refuses one poisoned record. */
const catalog = buildCatalog([
  defineSlice({
    feature: 'stream-probe',
    summary: 'the stream mapping, probed',
    functions: {
      eventRouter: {
        entry: 'test/platform/fixtures/router-refusing-poison.ts',
        description: 'probe router',
        needs: [],
        timeoutSeconds: 60,
      },
    },
    routes: [],
    rules: [],
    workflows: [],
    events: probeEvents,
    eventNotes: { 'probe.written': { writtenBy: 'this test' } },
    linkKinds: [],
  }),
]);

let runtime: LocalRuntime;
let stateDir: string;
beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'grantloop-stream-'));
  runtime = await startLocal({ root, stateDir, inMemory: true, clock: new LocalClock('virtual', START), catalog });
});
afterAll(async () => {
  await runtime?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

const event = (n: number, poison = false): DomainEvent => ({
  id: newId(START),
  type: 'probe.written',
  version: 1,
  subject: `probe#${n}`,
  occurredAt: START.toISOString(),
  actor: 'test',
  data: poison ? { n, poison: true } : { n },
});

describe('the table stream → router mapping, locally', () => {
  it('delivers batches of at most 100 records; a failing batch is split until the bad record is alone, which is set aside after its retries', async () => {
    const { dynamoPlatform } = await import('../../shared/platform/aws/platform-store');
    // The test reads the stream itself, so all 250 records are waiting when it does.
    runtime.poller.stop();
    for (let n = 0; n < 250; n++) await dynamoPlatform.appendEvent(event(n, n === 137));
    await runtime.settle();
    const seen = (globalThis as Record<string, unknown>).__routed as { batches: number[]; records: number };
    expect(seen.records).toBe(249);
    expect(Math.max(...seen.batches)).toBeLessThanOrEqual(delivery.stream.batchSize);
    expect(runtime.poller.largestBatch).toBe(delivery.stream.batchSize);
    expect(runtime.poller.failedRecords).toHaveLength(1);
    expect(runtime.errors.join('\n')).toMatch(/the router failed 6 times on a record/);
  });

  it('a runtime sharing the engine (as the engines tests do) routes its first record though another table wrote after its poller started', async () => {
    const { dynamoPlatform } = await import('../../shared/platform/aws/platform-store');
    const { DynamoDBClient, PutItemCommand } = await import('@aws-sdk/client-dynamodb');
    const dir = mkdtempSync(join(tmpdir(), 'grantloop-stream-'));
    const shared = { endpoint: runtime.dynamodbEndpoint, table: 'grantloop-second' };
    const second = await startLocal({
      root,
      stateDir: dir,
      inMemory: true,
      clock: new LocalClock('virtual', START),
      catalog,
      sharedDynamoDb: shared,
    });
    try {
      // Its poller holds a TRIM_HORIZON iterator on its table's empty shard; the first table writes.
      const db = new DynamoDBClient({ endpoint: runtime.dynamodbEndpoint, region: 'eu-west-2', credentials: localCredentials });
      for (let n = 0; n < 3; n++)
        await db.send(new PutItemCommand({ TableName: runtime.table, Item: { pk: { S: `OTHER#${n}` }, sk: { S: 'X' } } }));
      const seen = (globalThis as Record<string, unknown>).__routed as { records: number };
      const before = seen.records;
      await dynamoPlatform.appendEvent(event(1000)); // the operator's table is now the second runtime's
      await second.settle();
      expect(seen.records).toBe(before + 1);
      expect(second.errors).toEqual([]);
    } finally {
      await second.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
