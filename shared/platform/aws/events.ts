import { config } from '../config';
import { EVENT_SOURCE } from '../events';
import type { EventPublisher } from '../ports';
import { jsonRpc } from './json-calls';

const eventBridge = jsonRpc('events', 'EVENTBRIDGE', 'AWSEvents', '1.1');

export const publisher: EventPublisher = {
  async publish(events) {
    // PutEvents takes at most 10 entries per call.
    for (let i = 0; i < events.length; i += 10) {
      const batch = events.slice(i, i + 10);
      const out = await eventBridge<{ FailedEntryCount?: number }>('PutEvents', {
        Entries: batch.map((e) => ({
          EventBusName: config.eventBusName(),
          Source: EVENT_SOURCE,
          DetailType: e.type,
          Detail: JSON.stringify(e),
          // awsJson timestamps are seconds since the epoch.
          Time: Date.parse(e.occurredAt) / 1000,
        })),
      });
      if (out.FailedEntryCount) {
        // Throwing makes the stream retry the batch; consumers are idempotent by event id.
        throw new Error(`EventBridge rejected ${out.FailedEntryCount} of ${batch.length} events`);
      }
    }
  },
};
