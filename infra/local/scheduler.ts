import { recordUsage } from '../../shared/telemetry/usage';
import type { LocalLambdas } from './lambdas';
import type { LocalClock } from './virtual-clock';

export interface CreateScheduleInput {
  Name: string;
  GroupName?: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  ActionAfterCompletion?: string;
  Target: { Arn: string; Input?: string; RoleArn?: string };
}

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
 * clock and invoke the target function with the schedule's input.
 */
export class LocalScheduler {
  private schedules = new Map<string, { input: CreateScheduleInput; at: Date; state: 'pending' | 'fired' }>();
  private inFlight = 0;
  fired = 0;

  constructor(
    private readonly lambdas: LocalLambdas,
    private readonly clock: LocalClock,
    private readonly onError: (message: string) => void,
  ) {}

  get busy(): boolean {
    return this.inFlight > 0;
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
    this.clock.at(at, `schedule ${key}`, () => this.fire(key));
    return { ScheduleArn: `arn:aws:scheduler:eu-west-2:000000000000:schedule/${key}` };
  }

  private async fire(key: string): Promise<void> {
    const schedule = this.schedules.get(key);
    if (schedule?.state !== 'pending') return;
    schedule.state = 'fired';
    this.fired++;
    recordUsage('schedulesFired', 1);
    this.inFlight++;
    try {
      const fn = this.lambdas.idFromArn(schedule.input.Target.Arn);
      await this.lambdas.invoke(fn, JSON.parse(schedule.input.Target.Input ?? '{}'));
    } catch (error) {
      this.onError(`schedule ${key} failed: ${String(error)}`);
    } finally {
      this.inFlight--;
      // ActionAfterCompletion DELETE: the name becomes free again, as on AWS.
      if (schedule.input.ActionAfterCompletion === 'DELETE') this.schedules.delete(key);
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
