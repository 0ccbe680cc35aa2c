import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../infra/bundling/one-pass';
import { decodeStack, stackOf } from '../../infra/stack-trace';

const repoRoot = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'grantloop-trace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('decoding a stack logged without --enable-source-maps', () => {
  it('names the TypeScript file and line the error was thrown at', async () => {
    // Line 4 of this file throws; nothing in the code under test knows that.
    writeFileSync(
      join(dir, 'thrower.ts'),
      'export const handler = async () => {\n  const n = 1;\n  if (n > 0)\n    throw new Error("boom");\n};\n',
    );
    const outfile = join(dir, 'out', 'index.mjs');
    await build({ ...bundleOptions(repoRoot), entryPoints: [join(dir, 'thrower.ts')], outfile });
    const script = `import(${JSON.stringify(pathToFileURL(outfile).href)}).then((m) => m.handler()).catch((e) => process.stdout.write(e.stack));`;
    const stack = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    // As Lambda logs it: the minified bundle, not the source.
    expect(stack).toMatch(/index\.mjs:\d+:\d+/);
    expect(stack).not.toContain('thrower.ts');
    const logLine = JSON.stringify({ level: 'ERROR', message: 'unhandled error', error: { name: 'Error', stack } });
    expect(decodeStack(stackOf(logLine), `${outfile}.map`, dir)).toMatch(/at handler \(thrower\.ts:4:\d+\)|thrower\.ts:4:\d+/);
  });

  it('leaves a stack that names no bundle as it was', () => {
    writeFileSync(join(dir, 'empty.map'), JSON.stringify({ version: 3, sources: [], names: [], mappings: '' }));
    expect(decodeStack('Error: x\n    at y (node:internal/z:1:2)', join(dir, 'empty.map'), dir)).toBe(
      'Error: x\n    at y (node:internal/z:1:2)',
    );
  });
});
