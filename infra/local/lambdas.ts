import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { names } from '../../shared/platform/catalog';
import { delivery } from '../../shared/platform/delivery';
import { measured, recordUsage, type Usage } from '../../shared/platform/usage';
import type { Catalog } from '../catalog';
import type { FaultPlan, InvocationSource } from './faults';
import { withEnvironment } from './function-env';
import { type Journal, noJournal } from './journal';
import type { LocalClock } from './virtual-clock';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export const localRegion = 'eu-west-2';
export const localAccount = '000000000000';
export const functionArn = (id: string) => `arn:aws:lambda:${localRegion}:${localAccount}:function:${names.functionName(id)}`;

class FunctionNotFound extends Error {
  override name = 'ResourceNotFoundException';
}

/** An asynchronous event Lambda gave up on after its retries: what the function's dead-letter queue holds on AWS. */
interface DeadLetter {
  fn: string;
  event: unknown;
  error: string;
  attempts: number;
}

const QUEUE = 'async-events';
interface QueuedEvent {
  key: string;
  fn: string;
  event: unknown;
  attempt: number;
}

/**
 * Loads the very handler files the CDK stack bundles and calls them as Lambda would: one event,
 * one context, the function's own environment, its timeout enforced. Asynchronous invocations
 * (EventBridge and Scheduler targets) are retried as Lambda retries them, then dead-lettered.
 * Invocations are counted here, at the handler boundary.
 */
export class LocalLambdas {
  private loaded = new Map<string, Promise<Handler>>();
  private inFlight = 0;
  readonly deadLetters: DeadLetter[] = [];
  invocations = 0;
  /** A fault plan (the proof suite's): steps, router batches and asynchronous events may fail. */
  faults: FaultPlan | undefined;
  /**
   * Told of each invocation that returned, with what it alone used and the event it was given
   * (the benchmark's round trips, per route by the event's `routeKey`).
   */
  onInvoked: ((i: { fn: string; usage: Usage; ms: number; event: unknown }) => void) | undefined;

  constructor(
    private readonly root: string,
    private readonly catalog: Catalog,
    /** The environment a function has on AWS (its needs), with local endpoints. */
    private readonly environmentOf: (id: string) => Record<string, string>,
    private readonly clock: LocalClock,
    private readonly onError: (message: string) => void = () => {},
    private readonly journal: Journal = noJournal,
  ) {}

  get busy(): boolean {
    return this.inFlight > 0;
  }

  idFromArn(arnOrName: string): string {
    const name = arnOrName.split(':').at(-1) ?? arnOrName;
    const id = Object.keys(this.catalog.functions).find((f) => names.functionName(f) === name || f === name);
    if (!id) throw new FunctionNotFound(`Function not found: ${arnOrName}`);
    return id;
  }

  /**
   * RequestResponse: the caller gets the result or the error (API, Step Functions, the stream
   * mapping). Under a fault plan a step, router batch or asynchronous event may fail before the
   * function runs, time out after it ran, or be delivered twice, as each can on AWS.
   */
  async invoke(id: string, event: unknown, source?: InvocationSource): Promise<unknown> {
    const fault = source ? this.faults?.lambda(id, source) : undefined;
    if (fault === 'throw') throw named('Lambda.ServiceException', `injected fault: Lambda could not run ${id}`);
    if (fault === 'twice') await this.run(id, event);
    const result = await this.run(id, event);
    if (fault === 'timeout') throw named('Sandbox.Timedout', `injected fault: ${id} ran but its answer was lost to a timeout`);
    return result;
  }

  private async run(id: string, event: unknown): Promise<unknown> {
    const spec = this.catalog.functions[id];
    if (!spec) throw new FunctionNotFound(`Function not found: ${id}`);
    // Counted as in flight from the start: the first load compiles the handler's module graph,
    // and the runtime must not look idle meanwhile.
    this.inFlight++;
    try {
      const timeoutSeconds = spec.timeoutSeconds ?? delivery.defaultTimeoutSeconds;
      return await withEnvironment(this.environmentOf(id), async () => {
        const handler = await this.load(id);
        recordUsage('lambdaInvocations', 1);
        this.invocations++;
        const started = performance.now();
        // Handlers get a copy, as they would after JSON serialisation across the Lambda boundary.
        const copy = JSON.parse(JSON.stringify(event ?? null));
        const { result, usage } = await measured(() => withTimeout(handler(copy, this.context(id, timeoutSeconds)), timeoutSeconds));
        const ms = performance.now() - started;
        recordUsage('lambdaMilliseconds', ms);
        this.onInvoked?.({ fn: id, usage, ms, event });
        return result;
      });
    } finally {
      this.inFlight--;
    }
  }

  /**
   * Event: accepted at once; a function error is retried after one and then two minutes (on
   * the local clock), then the event goes to the dead-letter list. Accepted events are
   * journalled until they are done, so a restart runs what Lambda's queue would still hold.
   */
  invokeAsync(id: string, event: unknown): void {
    if (!this.catalog.functions[id]) throw new FunctionNotFound(`Function not found: ${id}`);
    this.queue({ key: randomUUID(), fn: id, event, attempt: 1 });
  }

  /** After a restart: the asynchronous events accepted before it and not yet done. */
  resumeQueued(): number {
    const queued = this.journal.all<QueuedEvent>(QUEUE);
    for (const q of queued) this.queue(q);
    return queued.length;
  }

  private queue(q: QueuedEvent): void {
    this.journal.put(QUEUE, q.key, q);
    const attempt = (n: number) => {
      // Injected faults are transient: Lambda's last attempt at an event is never faulted (a
      // fault that outlasts every retry is an outage, for the dead-letter queue and its alarm).
      const last = n > delivery.asyncInvoke.retryAttempts;
      this.invoke(q.fn, q.event, last ? undefined : 'async').then(
        () => this.journal.remove(QUEUE, q.key),
        (error: Error) => {
          const delay = delivery.asyncInvoke.retryDelaysSeconds[n - 1];
          if (n <= delivery.asyncInvoke.retryAttempts && delay !== undefined) {
            this.journal.put(QUEUE, q.key, { ...q, attempt: n + 1 });
            this.clock.at(new Date(this.clock.now().getTime() + delay * 1000), `retry ${q.fn} (attempt ${n + 1})`, () => attempt(n + 1));
            return;
          }
          this.journal.remove(QUEUE, q.key);
          this.deadLetters.push({ fn: q.fn, event: q.event, error: `${error.name}: ${error.message}`, attempts: n });
          this.onError(`${q.fn} failed ${n} times; the event went to its dead-letter queue: ${error.name}: ${error.message}`);
        },
      );
    };
    attempt(q.attempt);
  }

  private load(id: string): Promise<Handler> {
    let handler = this.loaded.get(id);
    if (!handler) {
      const file = pathToFileURL(resolve(this.root, (this.catalog.functions[id] as { entry: string }).entry)).href;
      handler = import(file).then((m: { handler: Handler }) => m.handler);
      this.loaded.set(id, handler);
    }
    return handler;
  }

  private context(id: string, timeoutSeconds: number): Context {
    const deadline = Date.now() + timeoutSeconds * 1000;
    return {
      callbackWaitsForEmptyEventLoop: false,
      functionName: names.functionName(id),
      functionVersion: '$LATEST',
      invokedFunctionArn: functionArn(id),
      memoryLimitInMB: '512',
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/${names.functionName(id)}`,
      logStreamName: 'local',
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => {},
      fail: () => {},
      succeed: () => {},
    };
  }
}

/**
 * Lambda stops a function at its timeout and reports `Sandbox.Timedout`. Here the caller gets
 * the same error at the same moment (wall-clock time, as on AWS); the handler's promise cannot
 * be stopped, so whatever it does later still happens (see docs/ARCHITECTURE.md).
 */
function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

function withTimeout<T>(run: Promise<T>, seconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`Task timed out after ${seconds.toFixed(2)} seconds`);
      error.name = 'Sandbox.Timedout';
      reject(error);
    }, seconds * 1000);
  });
  run.catch(() => {});
  return Promise.race([run, timedOut]).finally(() => clearTimeout(timer));
}
