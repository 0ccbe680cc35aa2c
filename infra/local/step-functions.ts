import { randomBytes } from 'node:crypto';
import type { StateMachine } from 'aws-local-stepfunctions';
import { names } from '../../shared/platform/catalog';
import { recordUsage } from '../../shared/platform/usage';
import type { Catalog } from '../catalog';
import { eachState, engineFor, isCallbackTask, type Json, loadDefinition, type StateDef } from './asl-definitions';
import { type Parked, parkKey, replay, StepFunctionsError } from './execution-journal';
import { type Journal, noJournal } from './journal';
import type { LocalLambdas } from './lambdas';
import { functionArn, localAccount, localRegion } from './lambdas';
import type { LocalClock } from './virtual-clock';

export { loadDefinition, StepFunctionsError };

export const stateMachineArn = (id: string) => `arn:aws:states:${localRegion}:${localAccount}:stateMachine:${names.stateMachineName(id)}`;

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
  /** Each step, as the engine reported it; a failed state keeps the error it failed with, as AWS's TaskFailed does. */
  history: { type: string; state?: string; at: string; error?: string; cause?: string }[];
  waitingOn: number;
  /** The last top-level state entered and its input: where a restart resumes. */
  at?: { state: string; input: unknown };
  /** Callback tokens handed out and not yet moved past, by `parkKey`. */
  parked: Record<string, Parked>;
}

interface PendingToken {
  executionArn: string;
  key: string;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  cancelTimeout: () => void;
}

const EXECUTIONS = 'executions';

/** Engine timers are real setTimeouts; the local runtime owns long waits against its clock instead. */
const ENGINE_SAFE_TIMEOUT_SECONDS = 2_000_000;
const TIMEOUT_FIELD = '__localTimeoutSeconds';

/**
 * Runs the project's ASL files with aws-local-stepfunctions. Every Task calls the same handler
 * the state machine invokes on AWS; `.waitForTaskToken` is emulated with a token registry that
 * SendTaskSuccess/SendTaskFailure resolve, and task timeouts run on the local clock.
 */
export class LocalStepFunctions {
  private machines = new Map<string, { original: Json; forEngine: Json; engine: StateMachine }>();
  private executions = new Map<string, ExecutionRecord>();
  private tokens = new Map<string, PendingToken>();
  /** Executions still running, to stop with the runtime: the engine's task timers would keep the process alive. */
  private running = new Map<string, ReturnType<StateMachine['run']>>();
  /** After a restart: the callbacks each resumed execution was waiting on, by `parkKey`. */
  private restored = new Map<string, Map<string, () => Promise<unknown>>>();
  private stopping = false;

  constructor(
    root: string,
    catalog: Catalog,
    private readonly lambdas: LocalLambdas,
    private readonly clock: LocalClock,
    private readonly onError: (message: string) => void,
    private readonly journal: Journal = noJournal,
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
      this.machines.set(stateMachineArn(spec.id), { original, forEngine, engine: engineFor(forEngine) });
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
      parked: {},
    };
    this.executions.set(executionArn, record);
    this.save(record);
    this.launch(record, machine.engine, input);
    return record;
  }

  /**
   * After a restart: every execution the journal has as running continues from the last state
   * it entered, with that state's input and the same name; a callback it was waiting on is
   * waited on again with the same token and the same deadline, a task is run again (as AWS
   * retries it), and the execution's own timeout still counts from its start.
   */
  resume(): number {
    const saved = this.journal.all<ExecutionRecord>(EXECUTIONS);
    for (const record of saved) this.executions.set(record.executionArn, { ...record, waitingOn: 0 });
    let resumed = 0;
    for (const record of this.executions.values()) {
      const machine = this.machines.get(record.stateMachineArn);
      if (record.status !== 'RUNNING' || !machine) continue;
      this.restored.set(record.executionArn, this.repark(record));
      const from = record.at ?? { state: String(machine.forEngine.StartAt), input: record.input };
      this.launch(record, engineFor({ ...machine.forEngine, StartAt: from.state }, true), from.input);
      resumed++;
    }
    return resumed;
  }

  /** Registers the journalled tokens again at once, so a callback that comes before the engine gets there is not refused. */
  private repark(record: ExecutionRecord): Map<string, () => Promise<unknown>> {
    const waits = new Map<string, () => Promise<unknown>>();
    for (const [key, parked] of Object.entries(record.parked)) {
      const outcome = parked.outcome;
      if (outcome) {
        waits.set(key, () => replay(outcome));
        continue;
      }
      const result = new Promise<unknown>((resolvePromise, rejectPromise) => {
        this.park(record, key, parked, resolvePromise, rejectPromise);
      });
      result.catch(() => {});
      record.waitingOn++;
      waits.set(key, () => result);
    }
    return waits;
  }

  private launch(record: ExecutionRecord, engine: StateMachine, input: unknown): void {
    const machine = this.machines.get(record.stateMachineArn) as { original: Json };
    const { overrides, retryIntervals, taskContext } = this.taskHandlers(machine.original, record);
    const run = engine.run(input as never, {
      overrides: { taskResourceLocalHandlers: overrides as never, retryIntervalOverrides: retryIntervals },
      context: {
        Execution: { Id: record.executionArn, Name: record.name, Input: record.input, StartTime: record.startDate },
        StateMachine: { Id: record.stateMachineArn, Name: record.stateMachineArn.split(':').at(-1) },
        Task: taskContext,
      } as never,
    });
    const timeoutSeconds = machine.original.TimeoutSeconds as number | undefined;
    const deadline = timeoutSeconds ? new Date(new Date(record.startDate).getTime() + timeoutSeconds * 1000) : undefined;
    this.follow(record, run, deadline, new Set(Object.keys(machine.original.States as Json)));
  }

  private save(record: ExecutionRecord): void {
    if (!this.stopping) this.journal.put(EXECUTIONS, record.executionArn, record);
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

  /** Records the execution's history, where it is, and its outcome; enforces its timeout on the local clock. */
  private follow(record: ExecutionRecord, run: ReturnType<StateMachine['run']>, deadline: Date | undefined, topLevel: Set<string>): void {
    this.running.set(record.executionArn, run);
    const cancelTimeout = deadline
      ? this.clock.at(deadline, `execution timeout ${record.name}`, () => {
          record.status = 'TIMED_OUT';
          run.abort();
        })
      : () => {};
    void (async () => {
      for await (const event of run.eventLogs) {
        if (event.type === 'StateEntered') recordUsage('stateTransitions', 1);
        const state = 'state' in event ? event.state.name : undefined;
        const failed = event.type === 'StateFailed' ? (event as { Error?: string; Cause?: unknown }) : undefined;
        record.history.push({
          type: event.type,
          ...(state ? { state } : {}),
          at: this.clock.now().toISOString(),
          ...(failed ? { error: String(failed.Error), cause: String(failed.Cause).slice(0, 500) } : {}),
        });
        if (event.type === 'StateEntered' && event.index === undefined && topLevel.has(event.state.name)) {
          record.at = { state: event.state.name, input: event.state.input };
          // Callbacks already answered belong to states the execution has now left.
          for (const [key, parked] of Object.entries(record.parked)) if (parked.outcome) delete record.parked[key];
          this.save(record);
        }
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
        record.parked = {};
        this.save(record);
        this.running.delete(record.executionArn);
        this.restored.delete(record.executionArn);
        cancelTimeout();
      });
  }

  /** Stops what is still running (a workflow waiting on a provider, say) when the runtime stops, as ABORTED. */
  abortRunning(): void {
    // What is running stays running in the journal, to be resumed by the next start.
    this.stopping = true;
    for (const [arn, run] of this.running) {
      const record = this.executions.get(arn);
      if (record) record.status = 'ABORTED';
      run.abort();
    }
    this.running.clear();
  }

  sendTaskSuccess(token: string, output: string): void {
    this.settle(this.take(token), { output: JSON.parse(output) });
  }

  sendTaskFailure(token: string, error: string | undefined, cause: string | undefined): void {
    this.settle(this.take(token), { error: error ?? 'States.TaskFailed', cause: cause ?? '' });
  }

  /** Journals the callback's outcome before the engine sees it, so a restart after this does not wait again. */
  private settle(pending: PendingToken, outcome: NonNullable<Parked['outcome']>): void {
    const record = this.executions.get(pending.executionArn);
    const parked = record?.parked[pending.key];
    if (record && parked) {
      parked.outcome = outcome;
      this.save(record);
    }
    if ('output' in outcome) pending.resolve(outcome.output);
    else pending.reject(new StepFunctionsError(outcome.error, outcome.cause));
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
      const payload = await this.lambdas.invoke(fn, input.Payload, 'step');
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
    const key = parkKey(stateName, payload, token);
    const again = this.restored.get(record.executionArn)?.get(key);
    if (again) {
      this.restored.get(record.executionArn)?.delete(key);
      return again();
    }
    const timeoutSeconds = fromPath ?? state.TimeoutSeconds;
    const parked: Parked = {
      token,
      ...(timeoutSeconds ? { deadline: new Date(this.clock.now().getTime() + timeoutSeconds * 1000).toISOString() } : {}),
    };
    // Registered before the function runs, so an immediate callback is never lost; journalled
    // after, once the function has stored the token (a kill before that runs the function again).
    record.parked[key] = parked;
    const result = new Promise<unknown>((resolvePromise, rejectPromise) => {
      this.park(record, key, parked, resolvePromise, rejectPromise);
    });
    // A failure callback can arrive while the function still runs, before anyone awaits `result`
    // (a tender cancelled as its wait begins): Node would report that rejection as unhandled.
    // The caller still receives it from `return result`.
    result.catch(() => {});
    try {
      await this.invokeTask(input);
    } catch (error) {
      delete record.parked[key];
      if (this.tokens.has(token)) this.take(token);
      throw error;
    } finally {
      // Parked only once the function has stored the token. A callback that arrived during the
      // function (take() counts it down) leaves the count at zero, as it should.
      record.waitingOn++;
    }
    this.save(record);
    return result;
  }

  /** Waits on a token until its callback or its deadline (on the local clock). */
  private park(record: ExecutionRecord, key: string, parked: Parked, resolve: (v: unknown) => void, reject: (e: Error) => void): void {
    const { token, deadline } = parked;
    const cancelTimeout = deadline
      ? this.clock.at(new Date(deadline), `${record.name}/${key.split(':')[0]} timeout`, () => {
          if (!this.tokens.has(token)) return;
          this.settle(this.take(token), { error: 'States.Timeout', cause: `${key.split(':')[0]} timed out at ${deadline}` });
        })
      : () => {};
    this.tokens.set(token, { executionArn: record.executionArn, key, resolve, reject, cancelTimeout });
  }
}
