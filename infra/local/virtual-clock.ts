import type { Clock } from '../../shared/platform/clock';

const SAME_MOMENT_BATCH = 20;

interface Timer {
  id: number;
  at: number;
  label: string;
  fire: () => void | Promise<void>;
}

/**
 * The one source of time for the local target. In `real` mode it follows the wall clock and a
 * ticker fires due timers; in `virtual` mode time only moves when `advanceTo` is called, and
 * every timer (schedules, task-token timeouts) fires at its exact virtual moment, so a year of
 * reminders runs in seconds and the same run gives the same result.
 */
export class LocalClock implements Clock {
  private virtualNow: number;
  private timers: Timer[] = [];
  private nextId = 1;
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    private currentMode: 'real' | 'virtual',
    start: Date = new Date(),
  ) {
    this.virtualNow = start.getTime();
  }

  get mode(): 'real' | 'virtual' {
    return this.currentMode;
  }

  /**
   * From virtual to real time (`start --example`: the history is played fast up to today, then
   * the system runs live). Time never goes backwards: a virtual clock ahead of the wall clock stays put.
   */
  followWallClock(): void {
    if (this.virtualNow > Date.now()) throw new Error('the virtual clock is ahead of the wall clock');
    this.currentMode = 'real';
  }

  now(): Date {
    return new Date(this.mode === 'real' ? Date.now() : this.virtualNow);
  }

  /** Registers a callback at a moment in (this clock's) time; returns a cancel function. */
  at(when: Date, label: string, fire: Timer['fire']): () => void {
    const timer = { id: this.nextId++, at: when.getTime(), label, fire };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t.id !== timer.id);
    };
  }

  pending(): { at: string; label: string }[] {
    return [...this.timers].sort((a, b) => a.at - b.at).map((t) => ({ at: new Date(t.at).toISOString(), label: t.label }));
  }

  /**
   * Fires timers due by now, earliest first. Timers due at the same moment fire together and
   * are settled once (a year of 09:00 reminders would otherwise settle once per reminder; on AWS
   * they run side by side too).
   */
  async fireDue(afterEach: () => Promise<void> = async () => {}): Promise<number> {
    let fired = 0;
    for (;;) {
      const due = this.earliest();
      if (!due || due.at > this.now().getTime()) return fired;
      // At most a batch at once: DynamoDB Local (one Java process) resets connections under a
      // burst of hundreds of executions, where DynamoDB would not.
      const together = this.timers
        .filter((t) => t.at === due.at)
        .sort((a, b) => a.id - b.id)
        .slice(0, SAME_MOMENT_BATCH);
      const firing = new Set(together.map((t) => t.id));
      this.timers = this.timers.filter((t) => !firing.has(t.id));
      for (const t of together) await t.fire();
      fired += together.length;
      await afterEach();
    }
  }

  /**
   * Virtual mode: walks time forward to `target`, stopping at each timer on the way so its
   * effects (which may add earlier timers) happen at the right moment. `settle` runs after each.
   */
  async advanceTo(target: Date, settle: () => Promise<void>): Promise<void> {
    if (this.mode !== 'virtual') throw new Error('advanceTo needs a virtual clock');
    const end = target.getTime();
    for (;;) {
      const due = this.earliest();
      if (!due || due.at > end) break;
      this.virtualNow = Math.max(this.virtualNow, due.at);
      await this.fireDue(settle);
    }
    this.virtualNow = Math.max(this.virtualNow, end);
    await settle();
  }

  startTicking(intervalMs: number, onError: (e: unknown) => void): void {
    this.ticker = setInterval(() => this.fireDue().catch(onError), intervalMs);
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
  }

  private earliest(): Timer | undefined {
    return this.timers.reduce<Timer | undefined>((a, t) => (!a || t.at < a.at ? t : a), undefined);
  }
}
