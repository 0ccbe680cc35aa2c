import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const architecture = join(import.meta.dirname, '..', 'docs', 'ARCHITECTURE.md');

/** The text between `<!-- name:start -->` and `<!-- name:end -->` in docs/ARCHITECTURE.md (what a docs test compares). */
export function docBlock(name: string, doc = readFileSync(architecture, 'utf8')): string | undefined {
  return new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`).exec(doc)?.[1];
}

/** Rewrites a generated block of docs/ARCHITECTURE.md in place (the generators' `npx tsx` runs). */
export function rewriteDocBlock(name: string, text: string): void {
  const doc = readFileSync(architecture, 'utf8');
  const block = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`);
  if (!block.test(doc)) throw new Error(`docs/ARCHITECTURE.md has no <!-- ${name}:start --> … <!-- ${name}:end --> block`);
  writeFileSync(
    architecture,
    doc.replace(block, (_m, a: string, b: string) => `${a}${text}${b}`),
  );
}
