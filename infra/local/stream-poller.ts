import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { streamFilter, streamRouter } from '../../shared/platform/catalog';
import { delivery } from '../../shared/platform/delivery';
import { localCredentials } from './dynamodb-local';
import { type Journal, noJournal } from './journal';
import type { LocalLambdas } from './lambdas';

/** Event-source-mapping filter patterns: objects nest, arrays list the allowed values. */
export function matchesPattern(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.includes(value);
  if (pattern && typeof pattern === 'object') {
    if (!value || typeof value !== 'object') return false;
    return Object.entries(pattern).every(([k, p]) => matchesPattern(p, (value as Record<string, unknown>)[k]));
  }
  return pattern === value;
}

const CHECKPOINTS = 'stream-checkpoints';

type LambdaRecord = ReturnType<StreamPoller['toLambdaRecord']>;

/**
 * What Lambda's event source mapping does on AWS: reads the table's stream from DynamoDB Local,
 * applies the same filter, and calls the router with batches of at most the mapping's batch
 * size in Lambda's record shape. A failed batch is split in two and retried, each part up to the
 * mapping's retry count; records still failing go to the failed-batch list (the mapping's
 * on-failure queue on AWS) and the shard moves on. How far each shard has been routed is
 * journalled after each batch, so a restart carries on from there: nothing written before a
 * kill is lost, and at most the batch in hand when it came is routed again (as the mapping is
 * at least once on AWS; consumers keep once-markers).
 */
export class StreamPoller {
  private streams: DynamoDBStreamsClient;
  private iterators = new Map<string, string | undefined>();
  /** The last sequence number read from each shard, to take an iterator again from there. */
  private lastRead = new Map<string, string>();
  private streamArn = '';
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<number> | undefined;
  private running = false;
  readonly failedRecords: { eventID?: string; error: string }[] = [];
  /** The largest batch handed to the router (never above the mapping's batch size). */
  largestBatch = 0;
  routed = 0;

  constructor(
    endpoint: string,
    private readonly db: DynamoDBClient,
    private readonly tableName: string,
    private readonly lambdas: LocalLambdas,
    private readonly onError: (message: string) => void,
    private readonly journal: Journal = noJournal,
  ) {
    this.streams = new DynamoDBStreamsClient({ endpoint, region: 'eu-west-2', credentials: localCredentials });
  }

  async init(fromStart: boolean): Promise<void> {
    const table = await this.db.send(new DescribeTableCommand({ TableName: this.tableName }));
    this.streamArn = table.Table?.LatestStreamArn ?? '';
    if (!this.streamArn) throw new Error(`table ${this.tableName} has no stream`);
    const checkpoints = this.journal.all<{ shardId: string; sequenceNumber: string }>(CHECKPOINTS);
    for (const c of checkpoints) await this.resumeShard(c.shardId, c.sequenceNumber);
    // A folder written before checkpoints existed starts at the stream's end, as it always did;
    // with checkpoints, a shard not in them is new since and is read from its start.
    await this.discoverShards(fromStart || checkpoints.length ? 'TRIM_HORIZON' : 'LATEST');
  }

  private async resumeShard(shardId: string, sequenceNumber: string): Promise<void> {
    try {
      const it = await this.streams.send(
        new GetShardIteratorCommand({
          StreamArn: this.streamArn,
          ShardId: shardId,
          ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
          SequenceNumber: sequenceNumber,
        }),
      );
      this.iterators.set(shardId, it.ShardIterator);
      this.lastRead.set(shardId, sequenceNumber);
    } catch (error) {
      // A shard that is gone (trimmed, or a new table) is found again by discovery.
      this.onError(`stream poller: shard ${shardId} could not be resumed after ${sequenceNumber}: ${String(error)}`);
    }
  }

  start(intervalMs: number): void {
    this.running = true;
    const loop = async () => {
      await this.pollOnce().catch((e) => this.onError(`stream poller: ${String(e)}`));
      if (this.running) this.timer = setTimeout(loop, intervalMs);
    };
    this.timer = setTimeout(loop, intervalMs);
  }

  /** Stops polling on a timer; `pollOnce` still reads the stream when called. */
  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Reads every shard once and routes what it found; concurrent callers share one poll. */
  pollOnce(): Promise<number> {
    this.polling ??= this.poll().finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  private async poll(): Promise<number> {
    await this.discoverShards('TRIM_HORIZON');
    let count = 0;
    for (const [shardId, iterator] of this.iterators) {
      if (!iterator) continue;
      const out = await this.records(shardId, iterator);
      const all = out.Records ?? [];
      const newest = all.at(-1)?.dynamodb?.SequenceNumber;
      if (newest) this.lastRead.set(shardId, newest);
      const records = all.filter((r) => matchesPattern(streamFilter, r)).map((r) => this.toLambdaRecord(r));
      for (let i = 0; i < records.length; i += delivery.stream.batchSize) {
        const batch = records.slice(i, i + delivery.stream.batchSize);
        await this.route(batch);
        this.checkpoint(shardId, batch.at(-1)?.dynamodb.SequenceNumber);
      }
      this.checkpoint(shardId, all.at(-1)?.dynamodb?.SequenceNumber);
      this.routed += records.length;
      count += records.length;
      this.iterators.set(shardId, out.NextShardIterator);
    }
    return count;
  }

  /**
   * DynamoDB Local numbers stream records across all its tables, and refuses an iterator taken
   * at TRIM_HORIZON on a still-empty shard as "trimmed" once another table has written (the
   * engines tests share one engine, a table each). Such an iterator is taken again, after the
   * last record read from the shard or from its start when none was: nothing is skipped or
   * routed twice. AWS's streams have no such quirk, and Lambda reads them there.
   */
  private async records(shardId: string, iterator: string) {
    const read = (ShardIterator: string) => this.streams.send(new GetRecordsCommand({ ShardIterator, Limit: 1000 }));
    try {
      return await read(iterator);
    } catch (error) {
      if ((error as Error).name !== 'TrimmedDataAccessException') throw error;
      const last = this.lastRead.get(shardId);
      const again = await this.streams.send(
        new GetShardIteratorCommand({
          StreamArn: this.streamArn,
          ShardId: shardId,
          ...(last ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: last } : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      );
      return read(again.ShardIterator as string);
    }
  }

  private checkpoint(shardId: string, sequenceNumber: string | undefined): void {
    if (sequenceNumber) this.journal.put(CHECKPOINTS, shardId, { shardId, sequenceNumber });
  }

  private async route(batch: LambdaRecord[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        this.largestBatch = Math.max(this.largestBatch, batch.length);
        await this.lambdas.invoke(streamRouter, { Records: batch }, 'router');
        return;
      } catch (error) {
        if (delivery.stream.bisectBatchOnError && batch.length > 1) {
          const half = Math.ceil(batch.length / 2);
          await this.route(batch.slice(0, half));
          await this.route(batch.slice(half));
          return;
        }
        if (attempt >= delivery.stream.retryAttempts) {
          for (const r of batch) this.failedRecords.push({ eventID: r.eventID, error: String(error) });
          this.onError(`stream: the router failed ${attempt + 1} times on a record; it went to the failed-batch list: ${String(error)}`);
          return;
        }
      }
    }
  }

  private async discoverShards(position: 'TRIM_HORIZON' | 'LATEST'): Promise<void> {
    const out = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    for (const shard of out.StreamDescription?.Shards ?? []) {
      const id = shard.ShardId as string;
      if (this.iterators.has(id)) continue;
      const it = await this.streams.send(
        new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: id, ShardIteratorType: position }),
      );
      this.iterators.set(id, it.ShardIterator);
    }
  }

  private toLambdaRecord(r: _Record) {
    return {
      eventID: r.eventID,
      eventName: r.eventName,
      eventVersion: r.eventVersion,
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-2',
      eventSourceARN: this.streamArn,
      dynamodb: {
        ...r.dynamodb,
        ApproximateCreationDateTime: r.dynamodb?.ApproximateCreationDateTime
          ? Math.floor(new Date(r.dynamodb.ApproximateCreationDateTime).getTime() / 1000)
          : undefined,
      },
    };
  }
}
