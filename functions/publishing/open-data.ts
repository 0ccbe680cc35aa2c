import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { openData } from '../../shared/publishing/aws';
import { answerDocument, documentName } from '../../shared/publishing/conditional-get';
import { readOpenDocument } from '../../shared/publishing/open-documents';
import { throughFrontDoor } from '../lib/front-door';
import { logger } from '../lib/logger';
import { securityHeaders } from '../lib/web/security';
import { openPath, pageQuery } from './paths';

const notFound = (): APIGatewayProxyResultV2 => ({
  statusCode: 404,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=60' },
  body: 'Not found: this consortium publishes nothing at this address (yet).\n',
});

/** Caught mid-rebuild: not cached anywhere (a 404 would be, for a minute), and asked again in a second. */
const changing = (): APIGatewayProxyResultV2 => ({
  statusCode: 503,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '1' },
  body: 'This file is being updated: try again in a moment.\n',
});

/**
 * GET /open/{consortiumId}[/…]: a consortium's public page and feeds, as the event stream last
 * rebuilt them (nothing is built on request), answered 304 when the client's copy is current.
 */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(throughFrontDoor())
  .handler(async (event) => {
    const path = openPath.safeParse(event.pathParameters ?? {});
    const query = pageQuery.safeParse(event.queryStringParameters ?? {});
    if (!path.success || !query.success) return notFound();
    const rest = event.rawPath.split('/').slice(3).join('/');
    const name = documentName(rest, query.data.page ?? 1);
    const doc = name ? await readOpenDocument(openData, path.data.consortiumId, name) : 'absent';
    if (doc === 'absent') return notFound();
    if (doc === 'changing') return changing();
    // The page keeps every page's protections (no script, no framing) but may be cached; the feeds are data.
    const { 'cache-control': _noStore, ...pageHeaders } = securityHeaders();
    const answer = answerDocument(doc, event.headers ?? {}, name === 'page' ? pageHeaders : {});
    return { statusCode: answer.status, headers: answer.headers, body: answer.body };
  });
