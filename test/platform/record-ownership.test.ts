import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ItemKey } from '../../shared/platform/codec';
import { codeOf, sources } from '../support/sources';
import { root } from '../support/stack';

/**
 * Issue 26: every kind of item has one owner. Each feature declares its record kinds in
 * `shared/<feature>/codecs.ts` (`records`: owner, kind, key prefix); two features writing under the
 * same key prefix, or a feature declaring a record for another, fails here.
 */
interface Declared {
  owner: string;
  kind: string;
  prefix: ItemKey;
}

const features = readdirSync(join(root, 'shared'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && readdirSync(join(root, 'shared', d.name)).includes('codecs.ts'))
  .map((d) => d.name);

const declared = async (): Promise<(Declared & { feature: string })[]> =>
  (
    await Promise.all(
      features.map(async (feature) => {
        const { records } = (await import(`../../shared/${feature}/codecs.ts`)) as { records: Declared[] };
        return records.map((r) => ({ feature, owner: r.owner, kind: r.kind, prefix: r.prefix }));
      }),
    )
  ).flat();

/** Two prefixes meet when one starts with the other (an empty pk is "under any partition": events, task tokens). */
const meet = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

describe('record ownership', () => {
  it('every feature that writes items declares its record kinds', () => {
    expect(features.sort()).toEqual([
      'calendar',
      'consortia',
      'contracts',
      'grants',
      'platform',
      'pools',
      'publishing',
      'reporting',
      'tenders',
    ]);
  });

  it('each record kind is declared by the feature that owns it', async () => {
    for (const r of await declared()) expect(`${r.feature}: ${r.kind}`).toBe(`${r.owner}: ${r.kind}`);
  });

  it('no two record kinds write under the same key prefix', async () => {
    // The platform's link pointer has no key of its own: it is written under the keys its owners declare (calendar, contracts).
    const all = (await declared()).filter((r) => r.prefix.pk !== '' || r.prefix.sk !== '');
    const clashes = all.flatMap((a, i) =>
      all
        .slice(i + 1)
        .filter((b) => meet(a.prefix.pk, b.prefix.pk) && meet(a.prefix.sk, b.prefix.sk))
        .map(
          (b) => `${a.owner}'s ${a.kind} (${a.prefix.pk}…/${a.prefix.sk}…) and ${b.owner}'s ${b.kind} (${b.prefix.pk}…/${b.prefix.sk}…)`,
        ),
    );
    expect(clashes).toEqual([]);
    expect(all.length).toBeGreaterThan(35);
  });

  it('a report’s sort keys are spelled only in reporting’s keys.ts', () => {
    const spelled = [...sources('shared'), ...sources('functions')].filter((f) => /'REPORT'|'DRAFT'|`REPORT#|`REPORTS#/.test(codeOf(f)));
    expect(spelled).toEqual(['shared/reporting/keys.ts']);
  });
});
