/**
 * Every answer the local HTTP API gives, checked against the API contract it serves
 * (`GET /openapi.json`, read here from openapi.json, which a test holds to the served string): the status is one the operation lists, the
 * media type one that status lists, and a JSON body valid against its schema (Ajv, JSON Schema
 * 2020-12). With `GRANTLOOP_CONTRACT_CHECK=1` the runtime records each mismatch here; the
 * engines tests fail a file that recorded any, so the suite's own traffic proves the document.
 * Each schema is compiled the first time an answer needs it, once per process.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;
interface Doc {
  paths: Record<string, Record<string, { responses: Record<string, Json> }>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> };
}

/** One answer as the client saw it. */
export interface Exchange {
  method: string;
  /** The route's path template, as the catalog (and the document) names it. */
  route: string;
  status: number;
  contentType: string | undefined;
  body: string;
}

const base = 'https://grantloop.invalid/';

/** A schema that is only a reference to a published standard's schema elsewhere. */
const isStandardSchema = (schema: unknown) => {
  const ref = (schema as { $ref?: unknown } | undefined)?.$ref;
  return typeof ref === 'string' && /^https:\/\//.test(ref) && !ref.startsWith(base);
};

export function contractValidator(doc: Doc) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // Named schemas are registered by id and references to them rewritten to it.
  for (const [name, s] of Object.entries(doc.components.schemas)) ajv.addSchema(s, `${base}${name}`);
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (key: string, schema: unknown) => {
    let v = compiled.get(key);
    if (!v) {
      v = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${base}`)));
      compiled.set(key, v);
    }
    return v;
  };
  const responseObject = (r: Json): Json => {
    const ref = r.$ref;
    return typeof ref === 'string' ? (doc.components.responses[ref.replace('#/components/responses/', '')] ?? {}) : r;
  };

  /** What is wrong with one answer (empty when it is as the document says). */
  return (x: Exchange): string[] => {
    const where = `${x.method} ${x.route} → ${x.status}`;
    const op = doc.paths[x.route]?.[x.method.toLowerCase()];
    if (!op) return [`${where}: the document has no such operation`];
    const code = String(x.status);
    const listed = op.responses[code] ?? op.responses[`${code[0]}XX`] ?? op.responses.default;
    if (!listed) return [`${where}: status not listed (the operation lists ${Object.keys(op.responses).join(', ')})`];
    const content = responseObject(listed).content as Record<string, { schema?: unknown }> | undefined;
    if (!content) return x.body.length && x.status !== 303 ? [`${where}: a body where the document lists none`] : [];
    const type = (x.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const media = content[type];
    if (!media) return [`${where}: media type ${type || '(none)'} not listed (${Object.keys(content).join(', ')})`];
    if (type !== 'application/json') return [];
    let body: unknown;
    try {
      body = JSON.parse(x.body);
    } catch {
      return [`${where}: the body is not JSON`];
    }
    // A public feed names its standard's own schema (360Giving, OCDS) by URL: the runtime works
    // offline and ships no copy, and test/publishing validates the feeds against the real files.
    if (isStandardSchema(media.schema)) return [];
    const validate = validatorFor(`${x.method} ${x.route} ${code} ${type}`, media.schema ?? {});
    if (validate(body)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `${where}: body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  };
}

const root = resolve(import.meta.dirname, '..', '..');
let served: ReturnType<typeof contractValidator> | undefined;

/** Mismatches seen in this process, kept on the global object so a test file's hooks and the runtime share them. */
const store = globalThis as { grantloopContractMismatches?: string[] };

/** Checks an answer against the document `GET /openapi.json` serves, and records what does not fit. */
export function recordExchange(x: Exchange): void {
  served ??= contractValidator(JSON.parse(readFileSync(join(root, 'shared/platform/openapi.json'), 'utf8')) as Doc);
  const problems = served(x);
  if (problems.length) store.grantloopContractMismatches = [...(store.grantloopContractMismatches ?? []), ...problems];
}

/** The mismatches recorded so far, emptied. */
export function takeContractMismatches(): string[] {
  const out = store.grantloopContractMismatches ?? [];
  store.grantloopContractMismatches = [];
  return out;
}
