import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Usage as the engines report it (consumed capacity, invocations, state transitions,
 * schedules fired). It feeds the cost model of what a run would cost on AWS. In Lambda the
 * counters simply live for one container; the local runtime reads them for the demo.
 */
export interface Usage {
  dynamodbReadUnits: number;
  dynamodbWriteUnits: number;
  /** Calls made to DynamoDB (a transaction is one): each is a round trip. */
  dynamodbCalls: number;
  stateTransitions: number;
  lambdaInvocations: number;
  /** Time inside handlers (locally: wall time on this machine), for Lambda's GB-seconds. */
  lambdaMilliseconds: number;
  schedulesFired: number;
  /** Requests the API front door passed to a function (HTTP API and CloudFront requests on AWS). */
  apiRequests: number;
}

const counters: Usage = {
  dynamodbReadUnits: 0,
  dynamodbWriteUnits: 0,
  dynamodbCalls: 0,
  stateTransitions: 0,
  lambdaInvocations: 0,
  lambdaMilliseconds: 0,
  schedulesFired: 0,
  apiRequests: 0,
};

const zero = (): Usage => Object.fromEntries(Object.keys(counters).map((k) => [k, 0])) as unknown as Usage;

/** What one invocation used, apart from everything else running in the same process. */
const scope = new AsyncLocalStorage<Usage>();

export function recordUsage(metric: keyof Usage, amount: number): void {
  counters[metric] += amount;
  const mine = scope.getStore();
  if (mine) mine[metric] += amount;
}

/**
 * Runs `fn` and tells what it (and everything it awaited) used: the local runtime wraps each
 * invocation in it, so a route's DynamoDB round trips are its own even while workflows and the
 * stream poller run beside it.
 */
export async function measured<T>(fn: () => Promise<T>): Promise<{ result: T; usage: Usage }> {
  const usage = zero();
  const result = await scope.run(usage, fn);
  return { result, usage };
}

export function usageSnapshot(): Usage {
  return { ...counters };
}

export function resetUsage(): void {
  for (const key of Object.keys(counters) as (keyof Usage)[]) counters[key] = 0;
}

/** Writes per partition key, by the hour of the (injected) clock they happened at: for the benchmark's hot-key figure. */
let partitions: Map<string, number> | undefined;

export function trackPartitionWrites(): Map<string, number> {
  partitions = new Map();
  return partitions;
}

export function stopTrackingPartitionWrites(): void {
  partitions = undefined;
}

/** Whether a benchmark is counting partition writes (on AWS never: the middleware skips the work). */
export const trackingPartitions = (): boolean => partitions !== undefined;

export function recordPartitionWrite(pk: string, hour: number): void {
  if (!partitions) return;
  const key = `${hour}|${pk}`;
  partitions.set(key, (partitions.get(key) ?? 0) + 1);
}
