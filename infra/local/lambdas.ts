import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { recordUsage } from '../../shared/telemetry/usage';
import { type FunctionId, functions, names } from '../catalog';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export const localRegion = 'eu-west-2';
export const localAccount = '000000000000';
export const functionArn = (id: FunctionId) => `arn:aws:lambda:${localRegion}:${localAccount}:function:${names.functionName(id)}`;

/**
 * Loads the very handler files the CDK stack bundles and calls them as Lambda would: one
 * event, one context. Invocations are counted here, at the handler boundary.
 */
export class LocalLambdas {
  private loaded = new Map<FunctionId, Promise<Handler>>();
  private inFlight = 0;

  constructor(private readonly root: string) {}

  get busy(): boolean {
    return this.inFlight > 0;
  }

  idFromArn(arnOrName: string): FunctionId {
    const name = arnOrName.split(':').at(-1) ?? arnOrName;
    const id = (Object.keys(functions) as FunctionId[]).find((f) => names.functionName(f) === name || f === name);
    if (!id) throw Object.assign(new Error(`Function not found: ${arnOrName}`), { name: 'ResourceNotFoundException' });
    return id;
  }

  async invoke(id: FunctionId, event: unknown): Promise<unknown> {
    // Counted as in flight from the start: the first load compiles the handler's module graph,
    // and the runtime must not look idle meanwhile.
    this.inFlight++;
    try {
      const handler = await this.load(id);
      recordUsage('lambdaInvocations', 1);
      // Handlers get a copy, as they would after JSON serialisation across the Lambda boundary.
      return await handler(JSON.parse(JSON.stringify(event ?? null)), this.context(id));
    } finally {
      this.inFlight--;
    }
  }

  private load(id: FunctionId): Promise<Handler> {
    let handler = this.loaded.get(id);
    if (!handler) {
      const file = pathToFileURL(resolve(this.root, functions[id].entry)).href;
      handler = import(file).then((m: { handler: Handler }) => m.handler);
      this.loaded.set(id, handler);
    }
    return handler;
  }

  private context(id: FunctionId): Context {
    const timeout = ('timeoutSeconds' in functions[id] ? (functions[id] as { timeoutSeconds: number }).timeoutSeconds : 15) * 1000;
    const deadline = Date.now() + timeout;
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
