import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Each function's bundle is at most this, and half of them at most `medianBytes` (KB = 1,000 bytes). */
export const bundleLimits = { maxBytes: 400_000, medianBytes: 300_000 };

export interface BundleSize {
  functionName: string;
  bytes: number;
}

/** The minified bundle of every Lambda in a synthesized stack, smallest first. */
export function bundleSizes(assemblyDir: string, templateFile: string): BundleSize[] {
  const template = JSON.parse(readFileSync(join(assemblyDir, templateFile), 'utf8')) as {
    Resources: Record<string, { Type: string; Properties: { FunctionName?: string }; Metadata?: Record<string, string> }>;
  };
  return Object.values(template.Resources)
    .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['aws:asset:path'])
    .map((r) => ({
      functionName: r.Properties.FunctionName ?? '?',
      bytes: statSync(join(assemblyDir, r.Metadata?.['aws:asset:path'] as string, 'index.mjs')).size,
    }))
    .sort((a, b) => a.bytes - b.bytes);
}

export function median(sizes: BundleSize[]): number {
  const sorted = sizes.map((s) => s.bytes).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** A readable table with the limits beside it. */
export function report(sizes: BundleSize[]): { text: string; ok: boolean } {
  const largest = sizes.at(-1)?.bytes ?? 0;
  const mid = median(sizes);
  const okMax = largest <= bundleLimits.maxBytes;
  const okMedian = mid <= bundleLimits.medianBytes;
  const lines = [
    `Lambda bundles (minified), ${sizes.length} functions:`,
    ...sizes.map((s) => `  ${kb(s.bytes).padStart(9)}  ${s.functionName}${s.bytes > bundleLimits.maxBytes ? '  ✘ over the limit' : ''}`),
    `  largest ${kb(largest)} (limit ${kb(bundleLimits.maxBytes)}) ${okMax ? '✔' : '✘'}`,
    `  median  ${kb(mid)} (limit ${kb(bundleLimits.medianBytes)}) ${okMedian ? '✔' : '✘'}`,
  ];
  return { text: `${lines.join('\n')}\n`, ok: okMax && okMedian };
}

// `npm run synth` prints the table after synthesizing into cdk.out.
if (process.argv[1]?.endsWith('bundle-sizes.ts')) {
  const { text, ok } = report(bundleSizes(process.argv[2] ?? 'cdk.out', 'Grantloop.template.json'));
  process.stdout.write(text);
  process.exitCode = ok ? 0 : 1;
}
