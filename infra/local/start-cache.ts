import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Work the local runtime does on every start whose result depends only on its inputs (the CSS
 * compiled from the Sass, each ASL file checked by asl-validator), kept by a hash of those
 * inputs under node_modules/.cache. A start costs seconds of CPU less when nothing changed: the
 * engines tests start about seventy runtimes a run. Change an input and its hash changes, so
 * the work is done again; delete the folder at will.
 */
const folder = resolve(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'grantloop-start');

export const hashOf = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex');
};

/** What `make` gave for these inputs before, or makes it now and keeps it. */
export function cachedText(kind: string, key: string, make: () => string): string {
  const file = join(folder, `${kind}-${key}`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const text = make();
  mkdirSync(folder, { recursive: true });
  // Written aside and renamed: runtimes starting at once never read half a file.
  const aside = `${file}.${process.pid}`;
  writeFileSync(aside, text);
  renameSync(aside, file);
  return text;
}
