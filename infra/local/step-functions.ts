import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { names, type WorkflowSpec } from '../../shared/platform/catalog';
import { recordUsage } from '../../shared/platform/usage';
import type { Catalog } from '../catalog';
import type { LocalLambdas } from './lambdas';
import { functionArn, localAccount, localRegion } from './lambdas';
import type { LocalClock } from './virtual-clock';

// aws-local-stepfunctions calls Promise.withResolvers (Node 22); without it every Task throws a
// TypeError that a `Catch: States.ALL` would silently swallow.
if (!('withResolvers' in Promise)) {
  Object.assign(Promise, {
    withResolvers<T>() {
      let resolve!: (v: T) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

type Json = Record<string, unknown>;
type StateDef = Json & { Type: string; Resource?: string; TimeoutSeconds?: number; Retry?: unknown[] };

export const stateMachineArn = (id: string) => `arn:aws:states:${localRegion}:${localAccount}:stateMachine:${names.stateMachineName(id)}`;

/** Reads an ASL file and applies the same `${Name}` substitutions the CDK stack applies. */
export function loadDefinition(root: string, spec: WorkflowSpec, arnOf: (fn: string) => string): Json {
  let text = readFileSync(resolve(root, spec.file), 'utf8');
  for (const [placeholder, fn] of Object.entries(spec.substitutions)) text = text.replaceAll(`\${${placeholder}}`, arnOf(fn));
  const left = /\$\{[A-Za-z0-9]+\}/.exec(text);
  if (left) throw new Error(`${spec.file}: no substitution for ${left[0]}`);
  return JSON.parse(text) as Json;
}

export class StepFunctionsError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  input: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
  startDate: string;
  stopDate?: string;
  history: { type: string; state?: string; at: string }[];
  waitingOn: number;
}

interface PendingToken {
  executionArn: string;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  cancelTimeout: () => void;
}

/** Engine timers are real setTimeouts; the local runtime owns long waits against its clock instead. */
const ENGINE_SAFE_TIMEOUT_SECONDS = 2_000_000;
const TIMEOUT_FIELD = '__localTimeoutSeconds';
const isCallbackTask = (s: StateDef) => s.Type === 'Task' && String(s.Resource).endsWith('.waitForTaskToken');

function eachState(def: Json, visit: (name: string, state: StateDef) => void): void {
  for (const [name, state] of Object.entries(def.States as Record<string, StateDef>)) {
    visit(name, state);
    for (const branch of (state.Branches as Json[] | undefined) ?? []) eachState(branch, visit);
    const iterator = (state.ItemProcessor ?? state.Iterator) as Json | undefined;
    if (iterator) eachState(iterator, visit);
  }
}

/**
 * Runs the project's ASL files with aws-local-stepfunctions. Every Task calls the same handler
 * the state machine invokes on AWS; `.waitForTaskToken` is emulated with a token registry that
 * SendTaskSuccess/SendTaskFailure resolve, and task timeouts run on the local clock.
 */
export class LocalStepFunctions {
  private machines = new Map<string, { original: Json; engine: StateMachine }>();
  private executions = new Map<string, ExecutionRecord>();
  private tokens = new Map<string, PendingToken>();
  /** Executions still running, to stop with the runtime: the engine's task timers would keep the process alive. */
  private running = new Map<string, ReturnType<StateMachine['run']>>();

  constructor(
    root: string,
    catalog: Catalog,
    private readonly lambdas: LocalLambdas,
    private readonly clock: LocalClock,
    private readonly onError: (message: string) => void,
  ) {
    for (const spec of catalog.workflows) {
      const original = loadDefinition(root, spec, functionArn);
      const forEngine = structuredClone(original);
      delete forEngine.TimeoutSeconds;
      eachState(forEngine, (_n, s) => {
        if (!isCallbackTask(s)) return;
        // The engine's own timer would be a real setTimeout; the local clock enforces the real one.
        // A TimeoutSecondsPath is carried to the override inside the payload (removed before the
        // function sees it), evaluated by the engine against the same input as on AWS.
        const path = s.TimeoutSecondsPath as string | undefined;
        if (path) {
          delete s.TimeoutSecondsPath;
          const params = s.Parameters as { Payload?: Record<string, unknown> };
          params.Payload = { ...params.Payload, [`${TIMEOUT_FIELD}.$`]: path };
        }
        s.TimeoutSeconds = ENGINE_SAFE_TIMEOUT_SECONDS;
      });
      const engine = new StateMachine(forEngine as unknown as StateMachineDefinition, { validationOptions: { checkArn: false } });
      this.machines.set(stateMachineArn(spec.id), { original, engine });
    }
  }

  /** True while an execution is between states or inside a task (not parked on a callback). */
  get busy(): boolean {
    for (const e of this.executions.values()) if (e.status === 'RUNNING' && e.waitingOn === 0) return true;
    return false;
  }

  list(): ExecutionRecord[] {
    return [...this.executions.values()];
  }

  describe(executionArn: string): ExecutionRecord {
    const e = this.executions.get(executionArn);
    if (!e) throw new StepFunctionsError('ExecutionDoesNotExist', `Execution does not exist: '${executionArn}'`);
    return e;
  }

  start(machineArn: string, name: string, input: unknown): ExecutionRecord {
    const machine = this.machines.get(machineArn);
    if (!machine) throw new StepFunctionsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${machineArn}'`);
    const executionArn = `${machineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    if (this.executions.has(executionArn)) {
      throw new StepFunctionsError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn: machineArn,
      name,
      status: 'RUNNING',
      input,
      startDate: this.clock.now().toISOString(),
      history: [],
      waitingOn: 0,
    };
    this.executions.set(executionArn, record);
    const { overrides, retryIntervals, taskContext } = this.taskHandlers(machine.original, record);
    const run = machine.engine.run(input as never, {
      overrides: { taskResourceLocalHandlers: overrides as never, retryIntervalOverrides: retryIntervals },
      context: {
        Execution: { Id: executionArn, Name: name },
        StateMachine: { Id: machineArn, Name: machineArn.split(':').at(-1) },
        Task: taskContext,
      } as never,
    });
    this.follow(record, run, machine.original.TimeoutSeconds as number | undefined);
    return record;
  }

  /**
   * Every Task state calls the same function as on AWS; a callback task gets the token the engine
   * handed it. `$$.Task.Token` is read while the engine evaluates Parameters, just before the
   * override runs, so the token is minted on that read and taken by the override.
   */
  private taskHandlers(definition: Json, record: ExecutionRecord) {
    let pendingToken: string | undefined;
    const taskContext = {};
    Object.defineProperty(taskContext, 'Token', {
      enumerable: true,
      get: () => {
        pendingToken ??= randomBytes(48).toString('base64url');
        return pendingToken;
      },
    });
    const takeToken = () => {
      const token = pendingToken;
      pendingToken = undefined;
      if (!token) throw new StepFunctionsError('States.Runtime', 'a .waitForTaskToken task did not pass $$.Task.Token');
      return token;
    };
    const overrides: Record<string, (input: unknown) => Promise<unknown>> = {};
    const retryIntervals: Record<string, number> = {};
    eachState(definition, (stateName, state) => {
      if (state.Retry) retryIntervals[stateName] = 10;
      if (state.Type !== 'Task') return;
      overrides[stateName] = isCallbackTask(state)
        ? (taskInput) => this.callbackTask(record, stateName, state, taskInput as Json, takeToken())
        : (taskInput) => this.invokeTask(taskInput as Json);
    });
    return { overrides, retryIntervals, taskContext };
  }

  /** Records the execution's history and outcome, and enforces its timeout on the local clock. */
  private follow(record: ExecutionRecord, run: ReturnType<StateMachine['run']>, timeoutSeconds: number | undefined): void {
    this.running.set(record.executionArn, run);
    const cancelTimeout = timeoutSeconds
      ? this.clock.at(new Date(this.clock.now().getTime() + timeoutSeconds * 1000), `execution timeout ${record.name}`, () => {
          record.status = 'TIMED_OUT';
          run.abort();
        })
      : () => {};
    void (async () => {
      for await (const event of run.eventLogs) {
        if (event.type === 'StateEntered') recordUsage('stateTransitions', 1);
        const state = 'state' in event ? event.state.name : undefined;
        record.history.push({ type: event.type, ...(state ? { state } : {}), at: this.clock.now().toISOString() });
      }
    })();
    run.result
      .then(
        (output) => {
          record.status = 'SUCCEEDED';
          record.output = output;
        },
        (error: Error & { cause?: Error }) => {
          if (record.status === 'RUNNING') record.status = 'FAILED';
          const cause = error.cause ?? error;
          record.error = cause.name;
          record.cause = cause.message;
          if (record.status === 'FAILED') this.onError(`workflow ${record.name} failed: ${cause.name}: ${cause.message}`);
        },
      )
      .finally(() => {
        record.stopDate = this.clock.now().toISOString();
        this.running.delete(record.executionArn);
        cancelTimeout();
      });
  }

  /** Stops what is still running (a workflow waiting on a provider, say) when the runtime stops, as ABORTED. */
  abortRunning(): void {
    for (const [arn, run] of this.running) {
      const record = this.executions.get(arn);
      if (record) record.status = 'ABORTED';
      run.abort();
    }
    this.running.clear();
  }

  sendTaskSuccess(token: string, output: string): void {
    const pending = this.take(token);
    pending.resolve(JSON.parse(output));
  }

  sendTaskFailure(token: string, error: string | undefined, cause: string | undefined): void {
    const pending = this.take(token);
    pending.reject(new StepFunctionsError(error ?? 'States.TaskFailed', cause ?? ''));
  }

  private take(token: string): PendingToken {
    const pending = this.tokens.get(token);
    if (!pending) throw new StepFunctionsError('TaskDoesNotExist', 'Task does not exist anymore');
    this.tokens.delete(token);
    pending.cancelTimeout();
    const execution = this.executions.get(pending.executionArn);
    if (execution) execution.waitingOn--;
    return pending;
  }

  private async invokeTask(input: Json): Promise<unknown> {
    const fn = this.lambdas.idFromArn(String(input.FunctionName));
    try {
      const payload = await this.lambdas.invoke(fn, input.Payload);
      return { ExecutedVersion: '$LATEST', StatusCode: 200, Payload: payload ?? null };
    } catch (error) {
      // As on AWS, a function error surfaces under the error's own type name.
      throw new StepFunctionsError((error as Error).name || 'Lambda.Unknown', (error as Error).message);
    }
  }

  private async callbackTask(record: ExecutionRecord, stateName: string, state: StateDef, input: Json, token: string): Promise<unknown> {
    const payload = (input.Payload ?? {}) as Record<string, unknown>;
    const fromPath = payload[TIMEOUT_FIELD] as number | undefined;
    if (fromPath !== undefined) {
      delete payload[TIMEOUT_FIELD];
      if (!Number.isInteger(fromPath) || fromPath < 1)
        throw new StepFunctionsError('States.Runtime', `${stateName}: TimeoutSecondsPath gave ${fromPath}, not a positive integer`);
    }
    const result = new Promise<unknown>((resolvePromise, rejectPromise) => {
      const timeoutSeconds = fromPath ?? state.TimeoutSeconds;
      const cancelTimeout = timeoutSeconds
        ? this.clock.at(new Date(this.clock.now().getTime() + timeoutSeconds * 1000), `${record.name}/${stateName} timeout`, () => {
            if (!this.tokens.has(token)) return;
            this.take(token).reject(new StepFunctionsError('States.Timeout', `${stateName} timed out after ${timeoutSeconds} s`));
          })
        : () => {};
      // Registered before the function runs, so an immediate callback is never lost.
      this.tokens.set(token, { executionArn: record.executionArn, resolve: resolvePromise, reject: rejectPromise, cancelTimeout });
    });
    try {
      await this.invokeTask(input);
    } catch (error) {
      if (this.tokens.has(token)) this.take(token);
      throw error;
    } finally {
      // Parked only once the function has stored the token. A callback that arrived during the
      // function (take() counts it down) leaves the count at zero, as it should.
      record.waitingOn++;
    }
    return result;
  }
}
