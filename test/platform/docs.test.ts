import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slices } from '../../infra/catalog';
import { docBlock } from '../../infra/doc-blocks';
import { eventCatalogue } from '../../infra/event-catalogue';
import { featureMap } from '../../infra/feature-map';
import { regimeTable } from '../../infra/regime-table';

const root = resolve(import.meta.dirname, '..', '..');

const architecture = readFileSync(join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');

describe('docs/ARCHITECTURE.md stays true', () => {
  it('opens with the feature map generated from the catalog (regenerate with npx tsx infra/feature-map.ts)', () => {
    const between = /<!-- feature-map:start -->\n([\s\S]*?)\n<!-- feature-map:end -->/.exec(architecture)?.[1];
    expect(between).toBe(featureMap(root));
    expect(architecture.indexOf('## Feature map')).toBeLessThan(architecture.indexOf('## How to add a feature'));
  });

  it('has the table of regimes × notices × periods generated from shared/tenders/duties.ts (regenerate with npx tsx infra/regime-table.ts)', () => {
    const between = /<!-- regimes:start -->\n([\s\S]*?)\n<!-- regimes:end -->/.exec(architecture)?.[1];
    expect(between).toBe(regimeTable());
    for (const section of ['s.21(1)', 's.50(3)', 's.51(3)(f)', 's.53(1)', 's.87', 's.75(6)(b)']) expect(between).toContain(section);
  });

  it("has the event catalogue generated from the producers' payload schemas and the rules (regenerate with npx tsx infra/event-catalogue.ts)", () => {
    expect(docBlock('events', architecture)).toBe(eventCatalogue());
    expect(architecture.indexOf('<!-- events:start -->')).toBeGreaterThan(architecture.indexOf('## Events'));
  });

  it('has a "how to add a feature" section of at most ten steps, followed by the local ↔ AWS differences', () => {
    const section = /## How to add a feature\n([\s\S]*?)\n## /.exec(architecture)?.[1] ?? '';
    const steps = section.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.length).toBeLessThanOrEqual(10);
    expect(architecture.indexOf('## How to add a feature')).toBeLessThan(architecture.indexOf('Local ↔ AWS differences'));
  });

  it('the event catalogue lists every event type a feature writes, and the workflows section every workflow', () => {
    const events = /## Events\n([\s\S]*?)\n## Workflows/.exec(architecture)?.[1] ?? '';
    const workflows = /## Workflows\n([\s\S]*?)\n## Emailed links/.exec(architecture)?.[1] ?? '';
    for (const slice of slices) {
      for (const type of Object.keys(slice.events())) expect(events, type).toContain(`\`${type}\``);
      for (const w of slice.workflows) expect(workflows, w.id).toContain(`### ${w.id} (\`${w.file}\`)`);
    }
  });
});
