import { existsSync, readFileSync } from 'node:fs';
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
