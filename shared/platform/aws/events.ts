import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { config } from '../config';
import { EVENT_SOURCE } from '../events';
import { lazy } from '../lazy';
import type { EventPublisher } from '../ports';

const eventBridge = lazy(() => new EventBridgeClient({}));

export const publisher: EventPublisher = {
  async publish(events) {
    // PutEvents takes at most 10 entries per call.
    for (let i = 0; i < events.length; i += 10) {
      const batch = events.slice(i, i + 10);
      const out = await eventBridge().send(
        new PutEventsCommand({
          Entries: batch.map((e) => ({
            EventBusName: config.eventBusName(),
            Source: EVENT_SOURCE,
            DetailType: e.type,
            Detail: JSON.stringify(e),
            Time: new Date(e.occurredAt),
          })),
        }),
      );
      if (out.FailedEntryCount) {
        // Throwing makes the stream retry the batch; consumers are idempotent by event id.
        throw new Error(`EventBridge rejected ${out.FailedEntryCount} of ${batch.length} events`);
      }
    }
  },
};
