import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { AttributeValue, DynamoDBStreamEvent } from 'aws-lambda';
import { publisher } from '../../shared/platform/aws/events';
import type { DomainEvent } from '../../shared/platform/events';
import { logger } from '../lib/logger';
import * as z from '../lib/zod';

/** Any event's envelope, whatever its type: what the relay reads back from the stream. */
const eventEnvelope = z.strictObject({
  id: z.string(),
  type: z.string(),
  version: z.literal(1),
  subject: z.string(),
  occurredAt: z.string(),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
});

/**
 * The outbox relay: event items written in the same transaction as each state change arrive
 * on the table's stream and are published to the event bus. The event source mapping already
 * filters to inserted event items; the check here keeps the handler correct on its own.
 */
export const handler = middy<DynamoDBStreamEvent, { published: number }>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const events: DomainEvent[] = [];
    for (const record of event.Records) {
      const image = record.dynamodb?.NewImage;
      if (record.eventName !== 'INSERT' || !image || image.entity?.S !== 'event') continue;
      const { pk, sk, gsi2pk, gsi2sk, entity, ...domainEvent } = unmarshall(image as Record<string, AttributeValue> as never);
      // Its payload was checked against its producer's schema when it was written (the outbox);
      // here only the envelope, so the relay stays knowing no feature.
      events.push(z.parse(eventEnvelope, domainEvent));
    }
    if (events.length > 0) await publisher.publish(events);
    logger.debug('published events', { count: events.length });
    return { published: events.length };
  });
