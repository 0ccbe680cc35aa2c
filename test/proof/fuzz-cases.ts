/**
 * One malformed or hostile request for one route, from a request that route accepts: a path
 * parameter, the query, the body or the form is broken, and noise is added (unknown query keys,
 * wrong content types). `brokenRule` then says, from the route's own schemas, which rule the
 * request breaks; a request that would write and breaks nothing is not sent.
 */
import type { Operation } from '../../functions/lib/api';
import type { PageRequest } from '../../functions/lib/web/page-route';
import { shapeOf } from '../../infra/api';
import { matchRoute } from '../../infra/local/http-api';
import type { RouteSpec } from '../../shared/platform/catalog';
import { mutateBody } from './fuzz-body';
import { badParam, badStrings, hostileKeys, MB2, notUtf8, type Rng, wrongContentTypes } from './fuzz-values';

/**
 * A route with what it takes to be accepted: real ids, a caller who may act, a valid body or form;
 * its path parameters and query as a handler reads them.
 */
export interface Target extends Pick<PageRequest<unknown>, 'params' | 'query'> {
  key: string;
  route: RouteSpec;
  op: Operation;
  /** How it answers: JSON (staff and JSON public routes), or HTML/text (pages, links, sign-in, calendar). */
  json: boolean;
  body?: unknown;
  form?: Record<string, string>;
  /** For a page's form: whether this form would act (then it is not sent). */
  acts?: (form: Record<string, string>) => boolean;
  /** A write route that cannot write whatever is sent (an emailed link with a token never issued, sign-out without a session). */
  harmless?: boolean;
  headers: Record<string, string>;
}

export interface Case {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** What the generator changed. */
  broke: string;
  /** The rule the request breaks, from the route's schemas (undefined: none, e.g. a GET with noise only). */
  rule?: string;
  /** Well-formed, but a use case's rule refuses it (a currency that is not the pool's). */
  domain?: boolean;
}

const writes = (t: Target) => t.route.method !== 'GET';

/** Percent-encoded as UTF-8; a lone surrogate (which UTF-8 cannot carry) goes as the bytes of U+FFFD. */
const encode = (s: string) =>
  encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

function pathOf(t: Target, params: Record<string, { value: string; raw?: boolean }>): string {
  return t.route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const p = params[name] ?? { value: t.params[name] ?? '' };
    return p.raw ? p.value : encode(p.value);
  });
}

const queryString = (q: Record<string, string>, extra = '') => {
  const text = [new URLSearchParams(q).toString(), extra].filter(Boolean).join('&');
  return text ? `?${text}` : '';
};

/** A base request with one path parameter broken. */
function brokenPath(t: Target, r: Rng): Partial<Case> {
  const names = Object.keys(t.params);
  const name = r.pick(names) as string;
  const bad = badParam(r, t.params[name] ?? '');
  return { url: pathOf(t, { [name]: bad }) + queryString(t.query), broke: `path ${name} = ${JSON.stringify(bad.value.slice(0, 60))}` };
}

function brokenQuery(t: Target, r: Rng): Partial<Case> {
  const key = r.pick(Object.keys(shapeOf(t.op.query))) as string;
  const value = r.pick(badStrings);
  return { url: pathOf(t, {}) + queryString({ ...t.query, [key]: value }), broke: `query ${key} = ${JSON.stringify(value.slice(0, 60))}` };
}

function brokenForm(t: Target, r: Rng): Partial<Case> {
  const form = { ...(t.form ?? {}) };
  const fields = Object.keys(form).filter((f) => f !== 'csrf');
  const field = r.chance(0.15) ? 'csrf' : (r.pick(fields.length ? fields : ['action']) as string);
  if (r.chance(0.2)) delete form[field];
  else form[field] = r.pick(badStrings);
  if (r.chance(0.3)) form[r.pick(hostileKeys) || '__proto__'] = r.chance(0.1) ? 'f'.repeat(MB2) : r.pick(badStrings);
  return { body: new URLSearchParams(form).toString(), broke: `form ${field} = ${JSON.stringify(form[field]?.slice(0, 60))}` };
}

/** The part that breaks a rule: the body, a path parameter, the query, the form, or bytes that are not UTF-8. */
function breaker(t: Target, r: Rng): Partial<Case> & { domain?: boolean } {
  const choices: string[] = [];
  if (t.op.body && t.body !== undefined) choices.push('body', 'body', 'body', 'body', 'body');
  if (t.form) choices.push('form', 'form', 'form');
  if (Object.keys(t.params).length) choices.push('path', 'path');
  if (t.op.query) choices.push('query', 'query');
  choices.push('utf8');
  if (!writes(t)) choices.push('noise', 'noise');
  const choice = r.pick(choices);
  const base = { url: pathOf(t, {}) + queryString(t.query) };
  if (choice === 'body') return { ...base, ...mutateBody(r, t.body, t.op.body as NonNullable<Operation['body']>) };
  if (choice === 'form') return { ...base, ...brokenForm(t, r) };
  if (choice === 'path') return brokenPath(t, r);
  if (choice === 'query') return brokenQuery(t, r);
  if (choice === 'utf8') {
    const text = t.form ? new URLSearchParams(t.form).toString() : JSON.stringify(t.body ?? {});
    return { ...base, body: new Uint8Array([...new TextEncoder().encode(text), ...r.pick(notUtf8)]), broke: 'body not UTF-8' };
  }
  return { ...base, broke: 'noise only' };
}

/** Noise: unknown query keys and odd headers break nothing; a wrong content type on a JSON body is a 415 (issue 27). */
function noise(t: Target, r: Rng, c: Partial<Case>): Partial<Case> {
  const out = { ...c, headers: { ...t.headers } };
  if (r.chance(0.25)) {
    const junk = r.pick([
      '__proto__=x',
      'constructor=1',
      'format=toString',
      'done=toString',
      'next=%2F%2Fevil.example',
      'a=%ZZ',
      'x=1&x=2',
    ]);
    out.url = `${out.url}${out.url?.includes('?') ? '&' : '?'}${junk}`;
    out.broke = `${out.broke}; query ${junk}`;
  }
  if (t.json && r.chance(0.25)) {
    const type = r.pick(wrongContentTypes);
    if (type) out.headers['content-type'] = type;
    else delete out.headers['content-type'];
    out.broke = `${out.broke}; content-type ${type ?? '(none)'}`;
  }
  if (r.chance(0.05)) out.headers['x-forwarded-host'] = 'evil.example';
  return out;
}

export function makeCase(t: Target, r: Rng): Case {
  const c = noise(t, r, breaker(t, r));
  const bodyless = t.route.method === 'GET' && c.body === undefined;
  return {
    method: t.route.method,
    url: c.url ?? pathOf(t, {}),
    headers: bodyless
      ? (c.headers ?? {})
      : { 'content-type': t.form ? 'application/x-www-form-urlencoded' : 'application/json', ...c.headers },
    ...(c.body !== undefined ? { body: c.body } : t.route.method !== 'GET' && t.body !== undefined ? { body: JSON.stringify(t.body) } : {}),
    broke: c.broke ?? '',
    ...((c as { domain?: boolean }).domain ? { domain: true } : {}),
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function text(body: Case['body']): string | undefined {
  if (body === undefined) return '';
  try {
    const s = typeof body === 'string' ? body : utf8.decode(body);
    return s.includes('\uFFFD') ? undefined : s;
  } catch {
    return undefined;
  }
}

/** Which rule the request breaks, judged as the server will judge it; undefined if it breaks none. */
export function brokenRule(t: Target, c: Case, routes: readonly RouteSpec[], ops: Record<string, Operation>): string | undefined {
  const url = new URL(c.url, 'http://localhost');
  let matched: ReturnType<typeof matchRoute>;
  try {
    matched = matchRoute(routes, c.method, url.pathname);
  } catch {
    return 'path: malformed percent-encoding';
  }
  if (!matched) return 'path: no such route';
  const op = ops[`${matched.route.method} ${matched.route.path}`];
  if (op?.path && !op.path.safeParse(matched.params).success) return 'path';
  const body = text(c.body);
  if (body === undefined) return 'body: utf-8';
  if (matched.route.path !== t.route.path) return undefined;
  if (t.form) return t.acts?.(Object.fromEntries(new URLSearchParams(body))) === false ? 'form' : undefined;
  if (op?.query && !op.query.safeParse(Object.fromEntries(url.searchParams)).success) return 'query';
  if (!op?.body) return undefined;
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(body) : {};
  } catch {
    return 'body: json';
  }
  return op.body.safeParse(parsed).success ? undefined : 'body';
}
