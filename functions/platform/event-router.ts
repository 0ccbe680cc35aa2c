import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { AttributeValue, DynamoDBStreamEvent } from 'aws-lambda';
import { publisher } from '../../shared/platform/aws/events';
import { eventRecord } from '../../shared/platform/codecs';
import type { DomainEvent } from '../../shared/platform/events';
import { logger } from '../lib/logger';

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
      // Read with the event record's codec: the item's keys, entity and `v` stay out of what is published.
      events.push(eventRecord.fromItem(unmarshall(image as Record<string, AttributeValue> as never)));
    }
    if (events.length > 0) await publisher.publish(events);
    logger.debug('published events', { count: events.length });
    return { published: events.length };
  });
