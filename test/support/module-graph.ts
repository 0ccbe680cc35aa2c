import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseAst } from 'vite';
import { catalog, forTarget } from '../../infra/catalog';
import { root } from './stack';

/**
 * The code a page or a route runs, read from the syntax tree (vite's `parseAst`, the oxc parser
 * vitest already runs on): which modules each file imports, and by which names. Used by the
 * page-form tests (issue 24) to find what the staff pages run without a list to keep.
 */
export type Node = { type: string; start: number; end: number; [key: string]: unknown };
export const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

export const parse = (source: string, file: string) => parseAst(source, { lang: file.endsWith('x') ? 'tsx' : 'ts' }) as unknown as Node;

/** One import: the module (relative to the repository, with its extension) and the names taken from it. */
export interface Import {
  module: string;
  names: string[];
}

const resolveSpec = (file: string, spec: string): string | undefined => {
  const base = resolve(dirname(file), spec);
  const hit = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find(existsSync);
  return hit ? relative(root, hit) : undefined;
};

/** A file's relative imports and re-exports, resolved, with the names each one brings in. */
export function importsOf(file: string): Import[] {
  const abs = join(root, file);
  const ast = parse(readFileSync(abs, 'utf8'), abs) as unknown as { body: Node[] };
  return ast.body.flatMap((s) => {
    const spec = s.source && isNode(s.source) ? (s.source.value as string) : undefined;
    const module = spec?.startsWith('.') ? resolveSpec(abs, spec) : undefined;
    if (!module) return [];
    const names = ((s.specifiers as Node[] | undefined) ?? []).flatMap((sp) => {
      const imported = (sp.imported ?? sp.local) as Node | undefined;
      return imported && imported.type === 'Identifier' ? [imported.name as string] : [];
    });
    return [{ module, names }];
  });
}

/** Every module under functions/ reachable by imports from the entries (repository-relative paths). */
export function functionsGraph(entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(
      ...importsOf(file)
        .map((i) => i.module)
        .filter((m) => m.startsWith('functions/')),
    );
  }
  return [...seen].sort();
}

/** Every module the page routes' functions run, from their entries in the catalog. */
export function pageModules(): string[] {
  const c = forTarget(catalog, 'local');
  return functionsGraph([...new Set(c.routes.filter((r) => r.auth === 'page').map((r) => c.functions[r.fn]?.entry as string))]);
}

/** Every TypeScript file under the folders (repository-relative paths), sorted. */
export function sourceFiles(folders: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(`${dir}/${e.name}`) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [`${dir}/${e.name}`] : [],
    );
  return folders.flatMap(walk).sort();
}

/**
 * The import cycles of a graph (module → the modules it imports): its strongly connected
 * components of more than one module, or of one that imports itself (Tarjan's algorithm), each
 * sorted, in a stable order.
 */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = w === v ? undefined : stack.pop()) {
      onStack.delete(w);
      component.push(w);
    }
    if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}
