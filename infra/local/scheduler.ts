import { delivery } from '../../shared/platform/delivery';
import { recordUsage } from '../../shared/platform/usage';
import { type Journal, noJournal } from './journal';
import type { LocalLambdas } from './lambdas';
import type { LocalClock } from './virtual-clock';

interface CreateScheduleInput {
  Name: string;
  GroupName?: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  ActionAfterCompletion?: string;
  Target: { Arn: string; Input?: string; RoleArn?: string; RetryPolicy?: { MaximumRetryAttempts?: number } };
}

const SCHEDULES = 'schedules';

export class SchedulerError extends Error {
  constructor(
    name: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = name;
  }
}

/**
 * EventBridge Scheduler's one-time schedules, thinly: `at(...)` expressions fire on the local
 * clock and invoke the target asynchronously, as Scheduler invokes Lambda (function errors are
 * Lambda's to retry). A target that cannot be invoked at all is retried with backoff up to the
 * schedule's retry policy, then dropped, as Scheduler does without a dead-letter queue.
 * Schedules are journalled: after a restart each pending one fires at its time, or at once if
 * its time passed while the runtime was down (once: it is marked fired before its target runs).
 */
export class LocalScheduler {
  private schedules = new Map<string, { input: CreateScheduleInput; at: Date; state: 'pending' | 'fired' }>();
  readonly undelivered: { schedule: string; error: string; attempts: number }[] = [];
  fired = 0;

  constructor(
    private readonly lambdas: LocalLambdas,
    private readonly clock: LocalClock,
    private readonly onError: (message: string) => void,
    private readonly journal: Journal = noJournal,
  ) {}

  /** After a restart: the schedules created before it, each waiting for its time again. */
  restore(): number {
    const saved = this.journal.all<{ key: string; input: CreateScheduleInput; at: string; state: 'pending' | 'fired' }>(SCHEDULES);
    for (const s of saved) {
      this.schedules.set(s.key, { input: s.input, at: new Date(s.at), state: s.state });
      if (s.state === 'pending') this.clock.at(new Date(s.at), `schedule ${s.key}`, () => this.fire(s.key));
    }
    return saved.filter((s) => s.state === 'pending').length;
  }

  private save(key: string): void {
    const s = this.schedules.get(key);
    if (!s) this.journal.remove(SCHEDULES, key);
    else this.journal.put(SCHEDULES, key, { key, input: s.input, at: s.at.toISOString(), state: s.state });
  }

  list() {
    return [...this.schedules.entries()].map(([key, s]) => ({ key, at: s.at.toISOString(), state: s.state, target: s.input.Target.Arn }));
  }

  create(input: CreateScheduleInput): { ScheduleArn: string } {
    const group = input.GroupName ?? 'default';
    const key = `${group}/${input.Name}`;
    if (this.schedules.has(key)) throw new SchedulerError('ConflictException', `Schedule ${input.Name} already exists.`, 409);
    const at = parseAt(input.ScheduleExpression, input.ScheduleExpressionTimezone);
    this.schedules.set(key, { input, at, state: 'pending' });
    this.save(key);
    this.clock.at(at, `schedule ${key}`, () => this.fire(key));
    return { ScheduleArn: `arn:aws:scheduler:eu-west-2:000000000000:schedule/${key}` };
  }

  private fire(key: string): void {
    const schedule = this.schedules.get(key);
    if (schedule?.state !== 'pending') return;
    schedule.state = 'fired';
    this.fired++;
    recordUsage('schedulesFired', 1);
    // ActionAfterCompletion DELETE: the name becomes free again, as on AWS.
    if (schedule.input.ActionAfterCompletion === 'DELETE') this.schedules.delete(key);
    // Handed on before it is marked fired: a kill between the two repeats it (Scheduler is at
    // least once too, and targets keep once-markers) rather than losing it.
    this.deliver(key, schedule.input, 1);
    this.save(key);
  }

  private deliver(key: string, input: CreateScheduleInput, attempt: number): void {
    try {
      this.lambdas.invokeAsync(this.lambdas.idFromArn(input.Target.Arn), JSON.parse(input.Target.Input ?? '{}'));
    } catch (error) {
      const allowed = input.Target.RetryPolicy?.MaximumRetryAttempts ?? delivery.schedule.retryAttempts;
      if (attempt <= allowed) {
        const backoffSeconds = 60 * 2 ** (attempt - 1);
        this.clock.at(new Date(this.clock.now().getTime() + backoffSeconds * 1000), `redeliver schedule ${key}`, () =>
          this.deliver(key, input, attempt + 1),
        );
        return;
      }
      this.undelivered.push({ schedule: key, error: String(error), attempts: attempt });
      this.onError(`schedule ${key}: target could not be invoked after ${attempt} attempts: ${String(error)}`);
    }
  }
}

/** Only one-time schedules are used: `at(yyyy-mm-ddThh:mm:ss)` in UTC. */
export function parseAt(expression: string, zone = 'UTC'): Date {
  const match = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(expression);
  if (!match) throw new SchedulerError('ValidationException', `Invalid Schedule Expression ${expression}: only at(...) is emulated`, 400);
  if (zone !== 'UTC') throw new SchedulerError('ValidationException', `only UTC schedules are emulated; got ${zone}`, 400);
  return new Date(`${match[1]}Z`);
}
