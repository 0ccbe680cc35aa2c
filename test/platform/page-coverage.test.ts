import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, forTarget } from '../../infra/catalog';
import { type Import, importsOf, isNode, type Node, pageModules, parse } from '../support/module-graph';
import { root } from '../support/stack';

/**
 * Issue 24's acceptance: every staff write route in the catalog has a page form that reaches
 * the same use case, or is on a short list below. "Reaches the same use case", read from the
 * syntax tree: one module the staff pages run imports both the function the route's handler
 * calls (its import from `shared/`, not counting the table adapters) and the schema the handler
 * parses the body with. Pages that decode into another schema, or call another function, do not
 * count; nor does a page that is written but not in the catalog.
 */

/** Routes that stay API-only on purpose, and why (each one is a job for an integration, not a person at a page). */
const apiOnly: Record<string, string> = {};

type Route = { key: string; entry: string };

const staffWrites = (): Route[] => {
  const c = forTarget(catalog, 'local');
  return c.routes
    .filter((r) => r.auth === 'staff' && r.method !== 'GET')
    .map((r) => ({ key: `${r.method} ${r.path}`, entry: c.functions[r.fn]?.entry as string }));
};

const adapter = (m: string) => !m.startsWith('shared/') || m.startsWith('shared/platform/') || /\/(aws|dynamodb-[\w-]+)\.ts$/.test(m);

/** What a handler runs: its use cases (imports from shared/, adapters aside) and the schema it parses the body with. */
function handlerNeeds(entry: string): Import[] {
  const imports = importsOf(entry);
  const useCases = imports.filter((i) => !adapter(i.module));
  const source = readFileSync(join(root, entry), 'utf8');
  const schemas: string[] = [];
  const visit = (n: Node) => {
    const args = n.arguments as Node[] | undefined;
    if (n.type === 'CallExpression' && isNode(n.callee) && n.callee.name === 'parse' && args?.length === 3) {
      const where = args[2] as Node;
      if (where.type === 'Literal' && where.value === 'body' && args[0]?.type === 'Identifier') schemas.push(args[0].name as string);
    }
    // `staffCommand({ path, body: newPledge, status }, …)` (functions/lib/use-case-route.ts) parses the body with that schema.
    const key = n.key as Node | undefined;
    const value = n.value as Node | undefined;
    if (n.type === 'Property' && key?.name === 'body' && value?.type === 'Identifier') schemas.push(value.name as string);
    for (const v of Object.values(n)) for (const c of Array.isArray(v) ? v : [v]) if (isNode(c)) visit(c);
  };
  visit(parse(source, entry));
  const bodySchemas = imports.flatMap((i) => {
    const names = i.names.filter((n) => schemas.includes(n));
    return names.length ? [{ module: i.module, names }] : [];
  });
  return [...useCases, ...bodySchemas];
}

const importsAll = (have: Import[], needs: Import[]) =>
  needs.every((n) => n.names.every((name) => have.some((h) => h.module === n.module && h.names.includes(name))));

/** The page modules that import everything a route's handler runs. */
function pagesFor(route: Route, pages: Map<string, Import[]>): string[] {
  const needs = handlerNeeds(route.entry);
  if (!needs.length) return [];
  return [...pages].filter(([, imports]) => importsAll(imports, needs)).map(([file]) => file);
}

describe('every staff write route has a page form', () => {
  const pages = new Map(pageModules().map((f) => [f, importsOf(f)]));
  const routes = staffWrites();

  it('reads what a handler runs: its use case and its body schema', () => {
    expect(handlerNeeds('functions/pools/record-pledge.ts')).toEqual([
      { module: 'shared/pools/pools.ts', names: ['recordPledge'] },
      { module: 'functions/pools/schemas.ts', names: ['newPledge'] },
    ]);
    // A page that imports only the use case, or only the schema, does not count.
    const route = { key: 'POST /pools/{poolId}/pledges', entry: 'functions/pools/record-pledge.ts' };
    const half = new Map([['functions/x.tsx', [{ module: 'shared/pools/pools.ts', names: ['recordPledge'] }]]]);
    expect(pagesFor(route, half)).toEqual([]);
  });

  it('the API-only list names real routes', () => {
    const keys = new Set(routes.map((r) => r.key));
    for (const k of Object.keys(apiOnly)) expect(keys, k).toContain(k);
  });

  it('each route has a page, or is listed (and a listed route has none, so the list only shrinks)', () => {
    const report = routes.map((r) => {
      const found = pagesFor(r, pages);
      const listed = r.key in apiOnly;
      return {
        route: r.key,
        pages: found,
        problem: found.length === 0 && !listed ? 'no page' : found.length > 0 && listed ? 'listed but has a page' : '',
      };
    });
    console.log(report.map((r) => `${r.route.padEnd(62)} ${r.pages.join(', ') || (r.route in apiOnly ? 'API only' : 'none')}`).join('\n'));
    expect(report.filter((r) => r.problem)).toEqual([]);
  });
});
