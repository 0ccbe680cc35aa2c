import { describe, expect, it } from 'vitest';
import { cycles, importsOf, sourceFiles } from '../support/module-graph';

/**
 * No import cycle in the code (issue 26): every relative import and re-export of every file
 * under shared/, functions/ and infra/, type-only ones included (a type cycle is still two
 * modules that cannot be understood one without the other), read from the syntax tree. What
 * `madge --circular` reports, without the dependency: a cycle is a strongly connected component.
 */
describe('the imports between modules', () => {
  it('form no cycle in shared/, functions/ or infra/', () => {
    const files = sourceFiles(['shared', 'functions', 'infra']);
    expect(files.length).toBeGreaterThan(400);
    const graph = new Map(files.map((f) => [f, [...new Set(importsOf(f).map((i) => i.module))]]));
    // Not vacuous: the graph has the edges a page has (its sections), type-only ones included.
    expect(graph.get('functions/contracts/contract-page.tsx')).toContain('functions/contracts/contract-sections.tsx');
    expect(graph.get('functions/contracts/payment-section.tsx')).toContain('functions/contracts/page-types.ts');
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('finds a cycle however long, and a module importing itself; a chain is none', () => {
    const g = (edges: Record<string, string[]>) => new Map(Object.entries(edges));
    expect(cycles(g({ page: ['view'], view: ['parts'], parts: ['evaluation'], evaluation: ['page'], other: ['page'] }))).toEqual([
      ['evaluation', 'page', 'parts', 'view'],
    ]);
    expect(cycles(g({ a: ['a'], b: [] }))).toEqual([['a']]);
    expect(cycles(g({ process: ['scoring'], scoring: ['tender'], tender: [] }))).toEqual([]);
  });
});
