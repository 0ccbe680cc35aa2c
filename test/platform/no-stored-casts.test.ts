import { describe, expect, it } from 'vitest';
import { codeOf, sources } from '../support/sources';

/**
 * Issue 26: stored items are read through their record's codec, never cast. A cast (`entity<T>(item)
 * as T`, `header as unknown as Report`, `item.x as number`) fails at run time far from its cause
 * when an attribute is renamed or an old item lacks it; a codec names the key and the field.
 */
const storeFiles = [...sources('shared'), ...sources('test/support/in-memory')].filter(
  (f) =>
    /\/dynamodb-[\w-]+\.ts$/.test(f) ||
    /\/codecs?\.ts$/.test(f) ||
    f.startsWith('test/support/in-memory/') ||
    [
      'shared/platform/aws/platform-store.ts',
      'shared/platform/aws/transact.ts',
      'shared/pools/ledger-transaction.ts',
      'shared/pools/grant-items.ts',
      // Reads the items fetched with its link.
      'shared/reporting/report-link.ts',
    ].includes(f),
);

/** Imports and exports may rename (`documentClient as db`, `* as z`): not casts. */
const withoutImports = (code: string) => code.replace(/^(import|export)\b[^;]*?\bfrom\s*'[^']*';/gms, '');

const casts = (code: string) =>
  [...withoutImports(code).matchAll(/\bas\s+(?!const\b)[\w{[(]|\b(entity|strip)<|\.(get|query)<|\bas unknown as\b/g)].map((m) => m[0]);

describe('no casts on stored data', () => {
  it('finds the store adapters and codecs to check', () => {
    expect(storeFiles).toEqual(
      expect.arrayContaining(['shared/pools/dynamodb-store.ts', 'test/support/in-memory/pools.ts', 'shared/tenders/codecs.ts']),
    );
    expect(storeFiles.length).toBeGreaterThan(25);
  });

  it('reads every stored item through its codec: no `as`, no `entity<T>`', () => {
    const found = storeFiles.flatMap((f) => casts(codeOf(f)).map((c) => `${f}: ${c}`));
    expect(found).toEqual([]);
  });

  it('would catch the casts it forbids', () => {
    expect(casts('const r = entity<Report>(item) as Report; const h = header as unknown as Report; x = i.n as number;')).toHaveLength(5);
    expect(casts("import * as z from 'zod/mini';\nimport { documentClient as db } from './x';\nconst k = ['a'] as const;")).toEqual([]);
  });
});
