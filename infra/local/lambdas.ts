import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { names } from '../../shared/platform/catalog';
import { delivery } from '../../shared/platform/delivery';
import { recordUsage } from '../../shared/platform/usage';
import type { Catalog } from '../catalog';
import { withEnvironment } from './function-env';
import type { LocalClock } from './virtual-clock';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export const localRegion = 'eu-west-2';
export const localAccount = '000000000000';
export const functionArn = (id: string) => `arn:aws:lambda:${localRegion}:${localAccount}:function:${names.functionName(id)}`;

export class FunctionNotFound extends Error {
  override name = 'ResourceNotFoundException';
}

/** An asynchronous event Lambda gave up on after its retries: what the function's dead-letter queue holds on AWS. */
export interface DeadLetter {
  fn: string;
  event: unknown;
  error: string;
  attempts: number;
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

  constructor(
    private readonly root: string,
    private readonly catalog: Catalog,
    /** The environment a function has on AWS (its needs), with local endpoints. */
    private readonly environmentOf: (id: string) => Record<string, string>,
    private readonly clock: LocalClock,
    private readonly onError: (message: string) => void = () => {},
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

  /** RequestResponse: the caller gets the result or the error (API, Step Functions, the stream mapping). */
  async invoke(id: string, event: unknown): Promise<unknown> {
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
        // Handlers get a copy, as they would after JSON serialisation across the Lambda boundary.
        const run = handler(JSON.parse(JSON.stringify(event ?? null)), this.context(id, timeoutSeconds));
        return withTimeout(run, timeoutSeconds);
      });
    } finally {
      this.inFlight--;
    }
  }

  /**
   * Event: accepted at once; a function error is retried after one and then two minutes (on
   * the local clock), then the event goes to the dead-letter list.
   */
  invokeAsync(id: string, event: unknown): void {
    if (!this.catalog.functions[id]) throw new FunctionNotFound(`Function not found: ${id}`);
    const attempt = (n: number) => {
      this.invoke(id, event).catch((error: Error) => {
        const delay = delivery.asyncInvoke.retryDelaysSeconds[n - 1];
        if (n <= delivery.asyncInvoke.retryAttempts && delay !== undefined) {
          this.clock.at(new Date(this.clock.now().getTime() + delay * 1000), `retry ${id} (attempt ${n + 1})`, () => attempt(n + 1));
          return;
        }
        this.deadLetters.push({ fn: id, event, error: `${error.name}: ${error.message}`, attempts: n });
        this.onError(`${id} failed ${n} times; the event went to its dead-letter queue: ${error.name}: ${error.message}`);
      });
    };
    attempt(1);
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
