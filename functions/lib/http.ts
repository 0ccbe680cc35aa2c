import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from 'aws-lambda';
import { DomainError, type FieldIssue } from '../../shared/platform/errors';
import { throughFrontDoor } from './front-door';
import { logger } from './logger';
import type * as z from './zod';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
/** `contentType` with a string body sends it as is (CSV downloads); otherwise the body is JSON. */
type Result = { status?: number; body: unknown; contentType?: string; filename?: string };

const statusOf: Record<DomainError['kind'], number> = {
  validation: 400,
  unauthorised: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
};

const json = (statusCode: number, body: unknown): APIGatewayProxyResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

function zodIssues(error: z.core.$ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((i) => {
    const field = [prefix, ...i.path.map(String)].filter(Boolean).join('.') || prefix;
    return { field, rule: i.code, message: `${field}: ${i.message}` };
  });
}

/** Parses one part of the request with zod; failures become a 400 naming field and rule. */
export function parse<S extends z.ZodMiniType>(schema: S, value: unknown, part: 'body' | 'path' | 'query'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = zodIssues(result.error, part);
  throw new DomainError('validation', issues.map((i) => i.message).join('; '), issues);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The request body as text. Bytes that are not UTF-8 are refused, never replaced by U+FFFD
 * and stored: a name or an answer must be what the sender typed.
 */
export function bodyText(event: Pick<ApiEvent, 'body' | 'isBase64Encoded'>): string {
  if (!event.body) return '';
  const notUtf8 = () =>
    new DomainError('validation', 'body: the request body is not valid UTF-8 text', [
      { field: 'body', rule: 'utf-8', message: 'the request body is not valid UTF-8 text' },
    ]);
  let text: string;
  try {
    text = event.isBase64Encoded ? utf8.decode(Buffer.from(event.body, 'base64')) : event.body;
  } catch {
    throw notUtf8();
  }
  // A text body may reach us already decoded, and U+FFFD is what a decoder writes in place of
  // bytes that were not UTF-8: refused too, so both targets answer the same.
  if (text.includes('\uFFFD')) throw notUtf8();
  return text;
}

/**
 * A body sent as anything but JSON is refused (415), whatever its text (issue 27): a browser may
 * send `text/plain` across origins without asking first (a "simple" request, no CORS preflight),
 * and the WAF's JSON body inspection applies only to JSON. `application/json` and any
 * `+json` type pass, with or without parameters (`; charset=utf-8`).
 */
class UnsupportedMediaType extends Error {}
const isJson = (contentType: string | undefined) => /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType?.trim() ?? '');

export function jsonBody(event: ApiEvent): unknown {
  if (!event.body) return {};
  if (!isJson(event.headers?.['content-type'])) throw new UnsupportedMediaType();
  const raw = bodyText(event);
  try {
    return JSON.parse(raw);
  } catch {
    throw new DomainError('validation', 'body: the request body is not valid JSON', [
      { field: 'body', rule: 'json', message: 'the request body is not valid JSON' },
    ]);
  }
}

/** A route anyone may call. A body that is not UTF-8 is a 400. Domain errors become their status with `{error, message, issues}`; anything else a logged 500. */
export function publicRoute(fn: (event: ApiEvent) => Promise<Result>) {
  return middy<ApiEvent, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger))
    .use(throughFrontDoor())
    .handler(async (event) => {
      try {
        // Every route refuses a body that is not UTF-8, whether or not it reads one.
        bodyText(event);
        const { status = 200, body, contentType, filename } = await fn(event);
        if (contentType && typeof body === 'string') {
          return {
            statusCode: status,
            headers: {
              'content-type': contentType,
              'cache-control': 'no-store',
              ...(filename ? { 'content-disposition': `attachment; filename="${filename}"` } : {}),
            },
            body,
          };
        }
        return json(status, body);
      } catch (error) {
        if (error instanceof UnsupportedMediaType) {
          const message = 'the request body must be JSON, sent with Content-Type: application/json';
          return json(415, { error: 'unsupported-media-type', message, issues: [{ field: 'content-type', rule: 'json', message }] });
        }
        if (error instanceof DomainError) {
          return json(statusOf[error.kind], { error: error.kind, message: error.message, issues: error.issues, ...error.details });
        }
        logger.error('unhandled error', { error: error as Error, route: event.routeKey });
        return json(500, { error: 'internal', message: 'something went wrong; the error has been logged' });
      }
    });
}

/**
 * Routes behind the JWT authorizer: the verified token's email is turned into the caller by
 * `resolve` (the identity feature reads roles from the table on every call).
 */
export function authenticatedRoute<Caller>(resolve: (email: string | undefined) => Promise<Caller>) {
  return (fn: (event: ApiEvent, caller: Caller) => Promise<Result>) =>
    publicRoute(async (event) => {
      const email = event.requestContext.authorizer?.jwt?.claims?.email;
      return fn(event, await resolve(typeof email === 'string' ? email : undefined));
    });
}
