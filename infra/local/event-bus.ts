import { randomUUID } from 'node:crypto';
import { rules } from '../catalog';
import type { LocalLambdas } from './lambdas';
import { localAccount, localRegion } from './lambdas';
import type { LocalClock } from './virtual-clock';

export interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Time?: number | string;
}

/**
 * The EventBridge contract, thinly: PutEvents entries become events in EventBridge's shape and
 * are delivered asynchronously to the targets of every matching rule in the catalog, with the
 * same retry-then-dead-letter behaviour the stack configures.
 */
export class LocalEventBus {
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  readonly deadLetters: { rule: string; event: unknown; error: string }[] = [];
  delivered = 0;
  published = 0;

  constructor(
    private readonly lambdas: LocalLambdas,
    private readonly clock: LocalClock,
    private readonly onError: (message: string) => void,
  ) {}

  get busy(): boolean {
    return this.pending > 0;
  }

  put(entries: PutEventsEntry[]): { EventId: string }[] {
    return entries.map((entry) => {
      const event = {
        version: '0',
        id: randomUUID(),
        'detail-type': entry.DetailType,
        source: entry.Source,
        account: localAccount,
        time: this.clock
          .now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
        region: localRegion,
        resources: [],
        detail: JSON.parse(entry.Detail ?? '{}'),
      };
      this.published++;
      for (const rule of rules) {
        if (event.source !== 'grantloop' || !rule.detailTypes.includes(String(event['detail-type']))) continue;
        this.pending++;
        this.queue = this.queue.then(() => this.deliver(rule.id, rule.fn, event)).finally(() => this.pending--);
      }
      return { EventId: event.id };
    });
  }

  private async deliver(ruleId: string, fn: (typeof rules)[number]['fn'], event: unknown): Promise<void> {
    const attempts = 3;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await this.lambdas.invoke(fn, event);
        this.delivered++;
        return;
      } catch (error) {
        if (attempt === attempts) {
          this.deadLetters.push({ rule: ruleId, event, error: String(error) });
          this.onError(`rule ${ruleId}: ${fn} failed ${attempts} times; event sent to the dead-letter list: ${String(error)}`);
        }
      }
    }
  }
}
