import { randomUUID } from 'node:crypto';
import { EVENT_SOURCE } from '../../shared/platform/events';
import type { Catalog } from '../catalog';
import type { LocalLambdas } from './lambdas';
import { localAccount, localRegion } from './lambdas';
import type { LocalClock } from './virtual-clock';

interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Time?: number | string;
}

/**
 * The EventBridge contract, thinly: PutEvents entries become events in EventBridge's shape and
 * go to the target of every matching rule in the catalog at once, each as its own asynchronous
 * Lambda invocation (so consumers of one event run side by side, and a failing one is retried
 * and dead-lettered by Lambda's async rules, as on AWS).
 */
export class LocalEventBus {
  /** Events no rule target could be invoked for (the rules' dead-letter queue on AWS). */
  readonly undelivered: { rule: string; event: unknown; error: string }[] = [];
  /** Distinct domain events published; the stream delivers at least once, so `puts` may be more. */
  private readonly seen = new Set<string>();
  puts = 0;

  constructor(
    private readonly catalog: Catalog,
    private readonly lambdas: LocalLambdas,
    private readonly clock: LocalClock,
    private readonly onError: (message: string) => void,
  ) {}

  get published(): number {
    return this.seen.size;
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
      this.puts++;
      this.seen.add(String(event.detail?.id ?? event.id));
      for (const rule of this.catalog.rules) {
        if (event.source !== EVENT_SOURCE || !rule.detailTypes.includes(String(event['detail-type']))) continue;
        try {
          this.lambdas.invokeAsync(rule.fn, event);
        } catch (error) {
          this.undelivered.push({ rule: rule.id, event, error: String(error) });
          this.onError(`rule ${rule.id}: could not invoke ${rule.fn}: ${String(error)}`);
        }
      }
      return { EventId: event.id };
    });
  }
}
