import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import type { RouteSpec } from '../../shared/platform/catalog';
import { clock } from '../../shared/platform/clock';
import { recordUsage } from '../../shared/platform/usage';
import type { Catalog } from '../catalog';
import type { LocalIssuer } from './jwt-issuer';
import type { LocalLambdas } from './lambdas';
import { linkLimiter } from './rate-limit';

interface RouteMatch {
  route: RouteSpec;
  params: Record<string, string>;
}

/**
 * API Gateway's choice of route: a full match (path variables each one segment) before a route
 * with a greedy variable (`{proxy+}`, the rest of the path, which may be empty: `/app/` reaches
 * `/app/{proxy+}`), so a catch-all never hides a page of its own. No route: undefined (404).
 */
export function matchRoute(routes: readonly RouteSpec[], method: string, path: string): RouteMatch | undefined {
  const greedy = (r: RouteSpec) => /\{\w+\+\}/.test(r.path);
  for (const route of [...routes.filter((r) => !greedy(r)), ...routes.filter(greedy)]) {
    if (route.method !== method) continue;
    const names: string[] = [];
    const pattern = route.path.replace(/\{(\w+)(\+?)\}/g, (_m, name: string, plus: string) => {
      names.push(name);
      return plus ? '(.*)' : '([^/]+)';
    });
    const match = new RegExp(`^${pattern}$`).exec(path);
    if (match) return { route, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1] as string)])) };
  }
  return undefined;
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

// Tests set this to check every answer against the API contract (`contract-check.ts`; Ajv is a
// development dependency, so it is loaded only then).
const checking = process.env.GRANTLOOP_CONTRACT_CHECK === '1';
const contractCheck = checking ? import('./contract-check') : undefined;

/** Keeps what the client is sent and, once it is all sent, has it checked against the document. */
function checkAnswer(req: IncomingMessage, res: ServerResponse, routes: readonly RouteSpec[]): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const matched = decodes(url.pathname) ? matchRoute(routes, req.method ?? 'GET', url.pathname) : undefined;
  // No route is API Gateway's own 404, not an operation's answer.
  if (!matched) return;
  // Headers given to writeHead are sent, not kept where getHeader finds them.
  let contentType: string | undefined;
  const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, headers?: Record<string, unknown>) => {
    const given = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    if (given !== undefined) contentType = String(given);
    return writeHead(status, headers);
  }) as typeof res.writeHead;
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    const body = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
    const exchange = {
      method: matched.route.method,
      route: matched.route.path,
      status: res.statusCode,
      contentType: contentType ?? res.getHeader('content-type')?.toString(),
      body,
    };
    void contractCheck?.then((m) => m.recordExchange(exchange));
    return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest);
  }) as typeof res.end;
}

/**
 * API Gateway HTTP API, thinly: match the route from the catalog, run the JWT authorizer on
 * staff routes, build the payload-format-2.0 event, call the same handler, map its result.
 */
export function startHttpApi(
  port: number,
  deps: { catalog: Catalog; lambdas: LocalLambdas; issuer: LocalIssuer; extraHealth: () => Record<string, unknown>; assetsDir: string },
): Promise<Server> {
  // The clock the handlers read (the runtime installs its virtual or wall clock there), so a
  // test that moves time moves the limit's window too, without another dependency to pass in.
  const limited = linkLimiter(deps.catalog.routes, clock);
  const server = createServer((req, res) => {
    // CloudFront's WAF answers before API Gateway sees the request: so here, before routing.
    if (limited(req, res)) return;
    if (checking) checkAnswer(req, res, deps.catalog.routes);
    handle(req, res, deps).catch((error) => send(res, 500, { message: 'Internal Server Error', detail: String(error) }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: Parameters<typeof startHttpApi>[1]): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  if (url.pathname.startsWith('/assets/')) return serveAsset(res, deps.assetsDir, url.pathname.slice('/assets/'.length));
  // A path whose percent-encoding does not decode is refused before routing, as API Gateway does.
  if (!decodes(url.pathname))
    return send(res, 400, {
      error: 'validation',
      message: 'the address is not valid percent-encoding',
      issues: [{ field: 'path', rule: 'percent-encoding', message: 'the address is not valid percent-encoding' }],
    });
  const matched = matchRoute(deps.catalog.routes, method, url.pathname);
  if (!matched) return send(res, 404, { message: 'Not Found' });
  const { route, params } = matched;

  let claims: Record<string, unknown> | undefined;
  if (route.auth === 'staff') {
    const header = String(req.headers.authorization ?? '');
    const token = header.replace(/^Bearer\s+/i, '');
    try {
      if (!token) throw new Error('no token');
      claims = await deps.issuer.verify(token);
    } catch {
      res.setHeader('www-authenticate', 'Bearer');
      return send(res, 401, { message: 'Unauthorized' });
    }
  }

  const event = payload(req, url, route, params, claims, await readBody(req));

  recordUsage('apiRequests', 1);
  const result = (await deps.lambdas.invoke(route.fn, event)) as
    | { statusCode?: number; headers?: Record<string, string>; cookies?: string[]; body?: string }
    | string
    | undefined;
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    // HTTP API's rule for a result without statusCode: it is the JSON body of a 200.
    return send(res, 200, result);
  }
  let out = result.body ?? '';
  if (route.path === '/health' && result.statusCode === 200) {
    const parsed = JSON.parse(out) as { components?: Record<string, unknown> };
    out = JSON.stringify({ ...parsed, components: { ...parsed.components, ...deps.extraHealth() } });
  }
  res.writeHead(result.statusCode ?? 200, { ...result.headers, ...(result.cookies?.length ? { 'set-cookie': result.cookies } : {}) });
  res.end(out);
}

/** The payload-format-2.0 event HTTP API hands a Lambda integration. */
function payload(
  req: IncomingMessage,
  url: URL,
  route: RouteSpec,
  params: Record<string, string>,
  claims: Record<string, unknown> | undefined,
  body: Buffer,
) {
  const method = req.method ?? 'GET';
  const now = new Date();
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]));
  const query = Object.fromEntries(url.searchParams);
  const cookies = String(req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean);
  const { cookie: _cookie, ...forwarded } = headers;
  // As HTTP API does: bodies that are not text arrive base64-encoded (form posts among them).
  // Text that is not valid UTF-8 is passed as its bytes too, so the handler sees exactly what was sent.
  const binary = body.length > 0 && (!/^(application\/json|text\/)/.test(headers['content-type'] ?? '') || !isUtf8(body));
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    // Payload 2.0 moves the Cookie header into `cookies`.
    ...(cookies.length ? { cookies } : {}),
    headers: forwarded,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(params).length ? { pathParameters: params } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: String(req.headers.host ?? 'localhost'),
      domainPrefix: 'local',
      http: {
        method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      // As the JWT authorizer passes them: every claim as a string.
      ...(claims
        ? { authorizer: { jwt: { claims: Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, String(v)])), scopes: null } } }
        : {}),
    },
    ...(body.length ? { body: body.toString(binary ? 'base64' : 'utf8'), isBase64Encoded: binary } : { isBase64Encoded: false }),
  };
}

const assetTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** CloudFront's job on AWS (the S3 assets bucket): the built files, and nothing else. */
async function serveAsset(res: ServerResponse, dir: string, name: string): Promise<void> {
  const type = assetTypes[extname(name)];
  if (!/^[\w.-]+(\/[\w.-]+)*$/.test(name) || name.includes('..') || !type) return send(res, 404, { message: 'Not Found' });
  try {
    const data = await readFile(join(dir, name));
    res.writeHead(200, { 'content-type': type, 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' });
    res.end(data);
  } catch {
    send(res, 404, { message: 'Not Found' });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
