/**
 * Maps a stack trace logged by a Lambda back to the TypeScript source.
 *
 * Functions run without `--enable-source-maps` (issue 27: Node parsing the map at every cold
 * start made the import take 1.78× as long, and Lambda bills INIT), so a logged stack names
 * `/var/task/index.mjs:1:<column>` of the minified bundle. The map beside each bundle (written by
 * the one-pass build, kept in the synthesized assembly) turns those positions back into files
 * and lines here, with Node's own source-map reader.
 *
 *   npm run -s stack-trace -- grantloop-acceptReport < stack.txt
 *
 * Input: the `error.stack` text of a log line, or the whole JSON log line as CloudWatch shows it
 * (Powertools' logger puts the error's name, message, location and stack under `error`). The
 * assembly must be of the deployed commit: `npm run synth` on it, or the `cdk.out` of the deploy.
 */
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { functionBundles } from './bundle-sizes';

const repoRoot = resolve(import.meta.dirname, '..');

/** The stack text of a Powertools log line, or the input itself when it is not one. */
export function stackOf(input: string): string {
  try {
    const line = JSON.parse(input) as { error?: { stack?: unknown } };
    if (typeof line.error?.stack === 'string') return line.error.stack;
  } catch {
    // Not JSON: the stack itself was pasted.
  }
  return input;
}

/** Every `<bundle>.mjs:line:column` in the stack replaced by `source.ts:line:column`, where the map knows it. */
export function decodeStack(stack: string, mapPath: string, root = repoRoot): string {
  const map = new SourceMap(JSON.parse(readFileSync(mapPath, 'utf8')) as SourceMapPayload);
  const mapDir = dirname(mapPath);
  return stack.replace(/(?:file:\/\/)?[^\s()]*\.mjs:(\d+):(\d+)/g, (whole, line: string, column: string) => {
    // Stack positions count from 1; the map's from 0.
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1) as Partial<{
      originalSource: string;
      originalLine: number;
      originalColumn: number;
    }>;
    if (entry.originalSource === undefined || entry.originalLine === undefined) return whole;
    const source = relative(root, resolve(mapDir, entry.originalSource.replace(/^file:\/\//, '')));
    return `${source}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
  });
}

if (process.argv[1]?.endsWith('stack-trace.ts')) {
  const [functionName, assembly = join(repoRoot, 'cdk.out')] = process.argv.slice(2);
  const bundle = functionBundles(assembly, 'Grantloop.template.json').find((b) => b.functionName === functionName);
  if (!functionName || !bundle) {
    process.stderr.write(`usage: npm run -s stack-trace -- <function name, e.g. grantloop-acceptReport> [assembly] < stack.txt\n`);
    process.stderr.write(functionName ? `no function ${functionName} in ${assembly} (run npm run synth first)\n` : '');
    process.exit(2);
  }
  process.stdout.write(`${decodeStack(stackOf(readFileSync(0, 'utf8')), `${bundle.path}.map`)}\n`);
}
