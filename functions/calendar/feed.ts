import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { calendarTable } from '../../shared/calendar/aws';
import { feedCalendar, feedLinks } from '../../shared/calendar/feeds';
import type { FeedScope } from '../../shared/calendar/rotate';
import { throughFrontDoor } from '../lib/front-door';
import { logger } from '../lib/logger';

const text = (statusCode: number, body: string): APIGatewayProxyResultV2 => ({
  statusCode,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  body,
});

/**
 * GET /cal/{token}: the calendar, for Outlook and Google to poll. A rotated, unknown or other
 * kind of token is a plain 404: the URL opens this calendar and nothing else.
 */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(throughFrontDoor())
  .handler(async (event) => {
    const token = (event.pathParameters?.token ?? '').replace(/\.ics$/, '');
    const resolved = await feedLinks.resolve(calendarTable, token);
    if ('page' in resolved) return text(404, 'Not found: this calendar address is not (or no longer) in use.\n');
    const ics = await feedCalendar(calendarTable, resolved.scope as FeedScope, logger);
    if (!ics) return text(404, 'Not found.\n');
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'inline; filename="grantloop.ics"',
        'cache-control': 'private, max-age=300',
        'referrer-policy': 'no-referrer',
        'x-robots-tag': 'noindex',
      },
      body: ics,
    };
  });
