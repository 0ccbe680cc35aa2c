import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SliceShape } from '../shared/platform/catalog';
import { slices } from './catalog';
import { rewriteDocBlock } from './doc-blocks';

const code = (s: string) => `\`${s}\``;
const list = (items: readonly string[]) => (items.length ? items.map(code).join('<br>') : '—');

/** The folders a feature owns that exist. */
function folders(root: string, feature: string): string[] {
  const has = (dir: string) => readdirSync(join(root, dir)).length > 0;
  const candidates = [`shared/${feature}/`, `functions/${feature}/`, `test/${feature}/`].filter((d) => {
    try {
      return has(d);
    } catch {
      return false;
    }
  });
  const asl = readdirSync(join(root, 'workflows')).filter((f) => f.startsWith(`${feature}-`));
  // The platform's handler wrappers live beside the features' handlers.
  const wrappers = feature === 'platform' ? ['functions/lib/'] : [];
  return [...candidates, ...wrappers, ...(asl.length ? [`workflows/${feature}-*.asl.json`] : [])];
}

/** One row per feature, from the catalog slices: what docs/ARCHITECTURE.md opens with. */
export function featureMap(root: string, parts: readonly SliceShape[] = slices as readonly SliceShape[]): string {
  const rows = parts.map((s) =>
    [
      `**${s.feature}**<br>${s.summary}`,
      list(folders(root, s.feature)),
      list(s.routes.map((r) => `${r.method} ${r.path}`)),
      list(s.workflows.map((w) => w.id)),
      list(Object.keys(s.events())),
      list(s.linkKinds),
    ].join(' | '),
  );
  return [
    '| feature | folders | routes | workflows | events it writes | link kinds |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

// `npx tsx infra/feature-map.ts` rewrites the table in docs/ARCHITECTURE.md, as the event catalogue's generator does.
if (process.argv[1]?.endsWith('feature-map.ts')) rewriteDocBlock('feature-map', featureMap(join(import.meta.dirname, '..')));
