/**
 * The API contract: an OpenAPI 3.1 document generated from the catalog (routes, auth) and the
 * features' operations (the zod schemas the handlers parse with). `npm run openapi` writes it
 * to `shared/platform/openapi.json`, and as the string `GET /openapi.json` sends to
 * `shared/platform/openapi-served.ts`; a test regenerates it in memory and fails when either
 * committed file is not the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { errorBody, gatewayError, gatewayFailure, type Operation } from '../functions/lib/api';
import * as z from '../functions/lib/zod';
import type { Auth, RouteSpec } from '../shared/platform/catalog';
import { featureViews, operations, routeKey, shapeOf } from './api';
import { catalog, slices } from './catalog';

type Json = Record<string, unknown>;
type Io = 'input' | 'output';

export const openApiFile = 'shared/platform/openapi.json';
/**
 * The same document as the one string `GET /openapi.json` answers with. As a JSON import the
 * document became a 220 KB object literal in the function's bundle, and V8 took about 12 ms of
 * every cold start to parse it (the slowest function to start, at 1.77× an empty handler); a
 * string literal of the same JSON is scanned in a fraction of that, and is sent without being
 * parsed or serialised at all. openapi.json stays, two-space indented, for people and reviews.
 */
export const servedFile = 'shared/platform/openapi-served.ts';

/**
 * A zod schema as JSON Schema 2020-12. Refinements are left out (zod cannot express them; where
 * one matters the summary says it), and so is the long pattern zod adds beside `format: date`
 * and `date-time`: the format says it. Nothing in the handlers' schemas is unrepresentable
 * today; `unrepresentable: 'any'` keeps a future transform from breaking the build, as `{}`.
 */
export function jsonSchema(schema: z.ZodMiniType, io: Io): Json {
  const out = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    override: ({ jsonSchema: s }) => {
      if (s.format === 'date' || s.format === 'date-time') delete s.pattern;
    },
  }) as Json;
  delete out.$schema;
  return out;
}

const json = (schema: Json) => ({ 'application/json': { schema } });

/**
 * The view-model schemas by name: the export's name, capitalised, or with its feature's in front
 * where two features use the same one (`GrantsLinkSent`, `ReportingLinkSent`).
 */
function viewNames(): Map<unknown, string> {
  const cap = (s: string) => s[0]?.toUpperCase() + s.slice(1);
  const all = Object.entries(featureViews).flatMap(([feature, views]) =>
    Object.entries(views).map(([name, schema]) => ({ feature, name, schema })),
  );
  const taken = (name: string) => all.filter((v) => v.name === name).length > 1;
  return new Map(all.map((v) => [v.schema, taken(v.name) ? cap(v.feature) + cap(v.name) : cap(v.name)]));
}

/** Answers' schemas named under `components.schemas`, referred to by each operation that gives them. */
class NamedViews {
  readonly names = viewNames();
  readonly used: Record<string, Json> = {};
  ref(schema: z.ZodMiniType): Json {
    const name = this.names.get(schema);
    if (!name) return jsonSchema(schema, 'output');
    this.used[name] ??= jsonSchema(schema, 'output');
    return { $ref: `#/components/schemas/${name}` };
  }
}
// One per document being made: openApiDocument starts it afresh.
let views = new NamedViews();
const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** A JSON refusal: the error shape unless the gateway may answer instead. */
const refusal = (description: string, schema: Json = { $ref: '#/components/schemas/Error' }) => ({ description, content: json(schema) });

/** The JSON refusals every staff and public JSON route may give, by status. */
const errorResponses: Record<string, Json> = {
  BadRequest: refusal('A rule was broken: each issue names the field and the rule.'),
  Unauthorized: refusal('No valid token (the JWT authorizer answers `{message}`; a token without an email claim gets the error shape).', {
    oneOf: [{ $ref: '#/components/schemas/Error' }, { $ref: '#/components/schemas/GatewayError' }],
  }),
  Forbidden: refusal('A member of the consortium or organisation without the role this needs.'),
  NotFound: refusal('No such record, or one the caller may not know of (outsiders get the same answer); `what` and `id` name it.'),
  Conflict: refusal("The record's state refuses this now; the message says why."),
  UnsupportedMediaType: refusal('A body sent with a Content-Type other than JSON (`application/json` or `…+json`).'),
  Internal: refusal('Something went wrong; it has been logged. If the function itself failed, API Gateway answers `{message}`.', {
    oneOf: [{ $ref: '#/components/schemas/Error' }, { $ref: '#/components/schemas/GatewayFailure' }],
  }),
  PageProblem: html(
    'A page saying what went wrong (400 unreadable form, 403 expired form, 404 no such page, 409 refused, 410 replaced link).',
  ),
  PageFailure: {
    description:
      "The page saying something went wrong (it has been logged); if the function itself failed, API Gateway's JSON `{message}`.",
    content: { 'text/html': { schema: { type: 'string' } }, ...json({ $ref: '#/components/schemas/GatewayFailure' }) },
  },
  FeedFailure: refusal("The function failed: API Gateway's JSON `{message}`.", { $ref: '#/components/schemas/GatewayFailure' }),
};

/** How a route is answered: JSON for staff routes and the JSON public ones, else what the operation says. */
const producesOf = (r: RouteSpec, op: Operation) => op.produces ?? (r.auth === 'page' ? 'html' : 'json');

function success(r: RouteSpec, op: Operation): Json {
  const produces = producesOf(r, op);
  if (produces === 'redirect')
    return { description: 'Redirected (303) to where the browser goes next.', headers: { Location: { schema: { type: 'string' } } } };
  if (produces === 'html') {
    const page = html(typeof op.response === 'string' ? op.response : op.summary);
    return op.downloads ? { ...page, content: { ...page.content, ...downloads(op) } } : page;
  }
  if (produces === 'calendar') return { description: 'The calendar.', content: { 'text/calendar': { schema: { type: 'string' } } } };
  if (produces === 'open-data') return openDocument(op);
  if (op.response === undefined || typeof op.response === 'string')
    throw new Error(`openapi: ${routeKey(r)} answers JSON but names no response schema (give the view model's zod schema)`);
  return { description: op.summary, content: { ...json(views.ref(op.response)), ...downloads(op) } };
}

/** What the route also answers when its query asks for a download (a CSV, a JSON file). */
function downloads(op: Operation): Json {
  const out: Json = {};
  for (const [type, d] of Object.entries(op.downloads ?? {}))
    out[type] = {
      schema: d.schema ? { ...views.ref(d.schema), description: `With ${d.when}.` } : { type: 'string', description: `With ${d.when}.` },
    };
  return out;
}

/** A public document as the event stream last built it, with its validators. */
const openDocument = (op: Operation): Json => ({
  description: typeof op.response === 'string' ? op.response : op.summary,
  headers: {
    ETag: { schema: { type: 'string' }, description: 'Changes exactly when the document’s bytes do.' },
    'Last-Modified': { schema: { type: 'string' }, description: 'When the document’s content last changed.' },
  },
  content: { [op.media ?? 'application/json']: { schema: op.standardSchema ? { $ref: op.standardSchema } : { type: 'string' } } },
});

function refusals(r: RouteSpec, op: Operation): Json {
  const produces = producesOf(r, op);
  if (produces === 'open-data')
    return {
      '304': { description: 'Not modified: the copy named by If-None-Match or If-Modified-Since is current (no body).' },
      '404': { description: 'Not published (or no such page): plain text.', content: { 'text/plain': { schema: { type: 'string' } } } },
      '503': {
        description: 'Read while it was being rebuilt (its parts from two versions): plain text, with Retry-After; not cached.',
        content: { 'text/plain': { schema: { type: 'string' } } },
      },
      '500': ref('FeedFailure'),
    };
  if (produces === 'calendar')
    return {
      '404': { description: 'No such feed (or one replaced): plain text.', content: { 'text/plain': { schema: { type: 'string' } } } },
      '500': ref('FeedFailure'),
    };
  if (produces !== 'json' && r.auth !== 'public')
    return { '303': { description: 'No session: sent to sign in.' }, '4XX': ref('PageProblem'), '500': ref('PageFailure') };
  if (produces !== 'json') return { '4XX': ref('PageProblem'), '500': ref('PageFailure') };
  const out: Json = { '400': ref('BadRequest') };
  if (r.auth === 'staff') Object.assign(out, { '401': ref('Unauthorized'), '403': ref('Forbidden') });
  if (r.path.includes('{')) out['404'] = ref('NotFound');
  // A read can be refused by a record's state too (no grants yet to export, bids still sealed).
  if (r.method !== 'GET' || r.path.includes('{')) out['409'] = ref('Conflict');
  if (op.body) out['415'] = ref('UnsupportedMediaType');
  out['500'] = ref('Internal');
  return out;
}

function parameters(r: RouteSpec, op: Operation): Json[] {
  const path = shapeOf(op.path);
  const params: Json[] = [...r.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: path[name as string] ? jsonSchema(path[name as string] as z.ZodMiniType, 'input') : { type: 'string' },
  }));
  if (op.query) {
    const query = jsonSchema(op.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {}))
      params.push({ name, in: 'query', required: (query.required ?? []).includes(name), schema });
  }
  return params;
}

function requestBody(r: RouteSpec, op: Operation): Json | undefined {
  if (op.body) return { required: true, content: json(jsonSchema(op.body, 'input')) };
  if (!op.form) return undefined;
  const csrf = r.auth === 'page' ? { properties: { csrf: { type: 'string' } }, required: ['csrf'] } : {};
  const schema = { type: 'object', description: op.form, additionalProperties: { type: 'string' }, ...csrf };
  return { required: true, content: { 'application/x-www-form-urlencoded': { schema } } };
}

const security: Record<Auth, Json[]> = { staff: [{ staffToken: [] }], page: [{ staffSession: [] }], public: [] };

const operationId = (r: RouteSpec) =>
  [r.method.toLowerCase(), ...r.path.split(/[^A-Za-z0-9]+/).filter(Boolean)]
    .map((w, i) => (i ? w[0]?.toUpperCase() + w.slice(1) : w))
    .join('');

const featureOf = (r: RouteSpec) => catalog.functions[r.fn]?.feature ?? 'platform';

function operation(r: RouteSpec, op: Operation, targets: Set<string>): Json {
  const status = String(op.status ?? (producesOf(r, op) === 'redirect' ? 303 : 200));
  const body = requestBody(r, op);
  const params = parameters(r, op);
  return {
    operationId: operationId(r),
    tags: [featureOf(r)],
    summary: op.summary,
    ...(targets.size === 1 ? { 'x-grantloop-only': [...targets][0] } : {}),
    security: security[r.auth],
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: responses(r, op, status),
  };
}

/**
 * A page's form that redirects when it is done (303) answers the page again (200) when it is not:
 * the form with its errors, or what it did shown once (a feed's new address). Without a session
 * the same 303 goes to sign in.
 */
function responses(r: RouteSpec, op: Operation, status: string): Json {
  if (producesOf(r, op) !== 'html' || status !== '303') return { [status]: success(r, op), ...refusals(r, op) };
  const redirect = {
    description: `Redirected (303) to where the browser goes next${r.auth === 'public' ? '' : ', or to sign in without a session'}.`,
    headers: { Location: { schema: { type: 'string' } } },
  };
  return {
    ...refusals(r, op),
    '303': redirect,
    '200': html("The page again: the form's errors, or what it did shown once."),
  };
}

/** Which targets serve each route key (`GET /sign-in` is a different function on each). */
function targetsByKey(routes: readonly RouteSpec[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of routes) {
    const only = catalog.functions[r.fn]?.only;
    const set = out.get(routeKey(r)) ?? new Set<string>();
    for (const t of only ? [only] : ['aws', 'local']) set.add(t);
    out.set(routeKey(r), set);
  }
  return out;
}

export function openApiDocument(routes: readonly RouteSpec[] = catalog.routes, ops: Record<string, Operation> = operations): Json {
  const paths: Record<string, Record<string, Json>> = {};
  views = new NamedViews();
  const targets = targetsByKey(routes);
  const seen = new Set<string>();
  for (const r of routes) {
    const key = routeKey(r);
    const op = ops[key];
    if (!op) throw new Error(`openapi: route ${key} has no operation`);
    if (seen.has(key)) continue;
    seen.add(key);
    paths[r.path] = { ...paths[r.path], [r.method.toLowerCase()]: operation(r, op, targets.get(key) ?? new Set()) };
  }
  return {
    openapi: '3.1.0',
    info: info(),
    tags: slices.map((s) => ({ name: s.feature, description: s.summary })),
    paths,
    components: {
      schemas: {
        Error: jsonSchema(errorBody, 'output'),
        GatewayError: jsonSchema(gatewayError, 'output'),
        GatewayFailure: jsonSchema(gatewayFailure, 'output'),
        ...Object.fromEntries(Object.entries(views.used).sort(([a], [b]) => a.localeCompare(b))),
      },
      responses: errorResponses,
      securitySchemes: {
        staffToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito access token (locally: `npx grantloop token`).',
        },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-grantloop-session',
          description: 'The session cookie sign-in sets (`grantloop-session` locally, over plain HTTP); forms also carry its `csrf` token.',
        },
      },
    },
  };
}

function info(): Json {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; description: string };
  return {
    title: 'grantloop',
    version: pkg.version,
    description: `${pkg.description} Money is whole pence beside its currency. Staff routes answer JSON to a bearer JWT; pages answer HTML to a session cookie; emailed links are public and HTML. Every JSON refusal has the Error shape.`,
  };
}

const root = resolve(import.meta.dirname, '..');

/** The document as committed: two-space JSON and a final newline. */
export const openApiText = (doc: Json = openApiDocument()) => `${JSON.stringify(doc, null, 2)}\n`;

/** The module `servedFile` holds: the document, compact, as one string. */
export const servedText = (doc: Json = openApiDocument()) =>
  [
    `// Generated by \`npm run openapi\` from the catalog and the features' schemas: do not edit.`,
    `// The document in ${openApiFile}, as the one string GET /openapi.json answers with (see infra/openapi.ts).`,
    `export const openApiJson = ${JSON.stringify(JSON.stringify(doc))};`,
    '',
  ].join('\n');

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const doc = openApiDocument();
  writeFileSync(join(root, openApiFile), openApiText(doc));
  writeFileSync(join(root, servedFile), servedText(doc));
  console.log(`wrote ${openApiFile} and ${servedFile}`);
}
