/**
 * Issue 12, item 1: each function's bundle size, and its cold init against an empty handler
 * built the same way, measured in the same run.
 *
 * "Init" is what Lambda reports as Init Duration: the runtime's process starting and the
 * handler's module being loaded and evaluated, up to the moment a first event could be handled
 * (it leaves out the sandbox and the code download, which do not depend on the bundle). Here it
 * is a fresh `node` process that imports the bundle, timed inside that process:
 * `performance.now()` after `await import(bundle)`, which counts from Node's time origin at
 * process start. So Node's own start-up is in it, as in Lambda's, but the parent's spawn and the
 * child's exit are not (they are noise the bundle cannot change). The child has the function's
 * environment as synthesized (CloudFormation references become placeholders; with `--source-maps`,
 * NODE_OPTIONS=--enable-source-maps as the stack had until issue 27), the variables Lambda itself sets, and dummy credentials.
 *
 * What is not in it: Lambda's runtime client (its own modules, loaded before the handler), so
 * the empty handler here takes ~40 ms where Lambda reports more, and a ratio here is stricter
 * than the same ratio of Init Durations; and this machine's Node (20) is not Lambda's (22).
 *
 * Beside wall time, each run reports the child's CPU time at the same moment: starting up and
 * importing are CPU-bound, so on a quiet machine the two agree, and on a busy one (tests in
 * other processes) wall time grows with the wait for a core while CPU time barely moves.
 *
 * One process at a time, and an empty-handler run after every few function runs, rotating the
 * order each round, so the machine's load falls on both alike. Each figure is a median.
 *
 * A third figure is the whole process as its parent sees it, from spawn to exit (issue 27): what
 * Lambda's Init Duration resembles, paired against the empty handler's the same way.
 *
 * Try it alone: `npx tsx test/bench/bundles.ts [--runs 10] [--source-maps] [--only a,b]`
 * after `npm run synth`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { build } from 'esbuild';
import { mergedTemplate } from '../../infra/assembly-template';
import { functionBundles } from '../../infra/bundle-sizes';
import { bundleOptions } from '../../infra/bundling/one-pass';

const repoRoot = join(import.meta.dirname, '..', '..');
const templateFile = 'Grantloop.template.json';
/** An empty-handler run after this many function runs: ~20% of the runs, hundreds of samples. */
const emptyEvery = 4;
const run = promisify(execFile);

export interface BundleBench {
  /** Per function: `initMs` and `ratio` are wall time; `cpuMs` and `cpuRatio` the child's CPU time to the same point. */
  functions: {
    name: string;
    bytes: number;
    initMs: number;
    importMs: number;
    cpuMs: number;
    processMs: number;
    ratio: number;
    cpuRatio: number;
    processRatio: number;
  }[];
  emptyInitMs: number;
  /** The import alone (module load and evaluation), without Node's start-up. */
  emptyImportMs: number;
  emptyCpuMs: number;
  /** The whole process as its parent sees it, from spawn to exit. */
  emptyProcessMs: number;
  maxBytes: number;
  medianBytes: number;
  medianRatio: number;
  maxRatio: number;
  /** The same ratios on CPU time, which another process's load on the machine barely moves. */
  medianCpuRatio: number;
  maxCpuRatio: number;
  /** Whole-process time paired against the empty handler's: what Lambda's Init Duration resembles. */
  medianProcessRatio: number;
  maxProcessRatio: number;
  /**
   * The floor: a handler that imports only what every function imports (middy, the Powertools
   * logger as functions/lib/logger.ts makes it, the aws-lite client, node:crypto), built and
   * measured the same way. No function can start faster; its ratio is what the targets leave
   * to grantloop's own code.
   */
  floorProcessMs: number;
  floorProcessRatio: number;
  /** Whether the runs had NODE_OPTIONS=--enable-source-maps (the stack had it until issue 27). */
  sourceMaps: boolean;
  runs: number;
  seconds: number;
}

interface Subject {
  name: string;
  path: string;
  env: Record<string, string>;
}

interface Sample {
  initMs: number;
  importMs: number;
  cpuMs: number;
  processMs: number;
}

export async function benchBundles(
  assemblyDir: string,
  o: { runs?: number; onProgress?: (line: string) => void; sourceMaps?: boolean; only?: string[] } = {},
): Promise<BundleBench> {
  const started = performance.now();
  const runs = o.runs ?? 10;
  const work = mkdtempSync(join(tmpdir(), 'grantloop-bench-'));
  try {
    const probe = writeProbe(work);
    const sourceMaps = o.sourceMaps ?? false;
    const functions = subjects(assemblyDir, sourceMaps).filter((s) => !o.only || o.only.includes(s.name));
    const empty: Subject = {
      name: 'empty',
      path: await buildEmptyHandler(work),
      env: lambdaEnvironment('grantloop-empty', {}, sourceMaps),
    };
    const floor: Subject = {
      name: 'floor',
      path: await buildFloorHandler(work),
      env: lambdaEnvironment('grantloop-floor', {}, sourceMaps),
    };
    const samples = new Map<string, Sample[]>([...functions, empty, floor].map((s) => [s.name, []]));
    const measure = async (s: Subject) => samples.get(s.name)?.push(await initOnce(probe, s));
    for (let round = 0; round < runs; round++) {
      // Rotated each round, so no function always runs just after an empty one, or first.
      const shift = (round * 7) % Math.max(functions.length, 1);
      const order = [...functions.slice(shift), ...functions.slice(0, shift)];
      for (const [i, s] of order.entries()) {
        if (i % emptyEvery === 0) await measure(empty);
        // As often as the empty handler, half-way between its runs: one sample a round was too few to be steady.
        if (i % emptyEvery === emptyEvery / 2) await measure(floor);
        await measure(s);
      }
      o.onProgress?.(`round ${round + 1}/${runs}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    return { ...summarise(functions, samples, runs, started), sourceMaps };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function summarise(functions: Subject[], samples: Map<string, Sample[]>, runs: number, started: number): Omit<BundleBench, 'sourceMaps'> {
  const mid = (name: string, field: keyof Sample) => median((samples.get(name) ?? []).map((x) => x[field]));
  const [emptyInitMs, emptyCpuMs, emptyProcessMs] = [mid('empty', 'initMs'), mid('empty', 'cpuMs'), mid('empty', 'processMs')];
  const rows = functions
    .map((s) => {
      const [initMs, cpuMs, processMs] = [mid(s.name, 'initMs'), mid(s.name, 'cpuMs'), mid(s.name, 'processMs')];
      const bytes = statSync(s.path).size;
      return {
        name: s.name,
        bytes,
        initMs,
        importMs: mid(s.name, 'importMs'),
        cpuMs,
        processMs,
        ratio: initMs / emptyInitMs,
        cpuRatio: cpuMs / emptyCpuMs,
        processRatio: processMs / emptyProcessMs,
      };
    })
    .sort((a, b) => a.bytes - b.bytes);
  return {
    functions: rows,
    emptyInitMs,
    emptyImportMs: mid('empty', 'importMs'),
    emptyCpuMs,
    emptyProcessMs,
    maxBytes: Math.max(...rows.map((r) => r.bytes)),
    medianBytes: median(rows.map((r) => r.bytes)),
    medianRatio: median(rows.map((r) => r.ratio)),
    maxRatio: Math.max(...rows.map((r) => r.ratio)),
    medianCpuRatio: median(rows.map((r) => r.cpuRatio)),
    maxCpuRatio: Math.max(...rows.map((r) => r.cpuRatio)),
    medianProcessRatio: median(rows.map((r) => r.processRatio)),
    maxProcessRatio: Math.max(...rows.map((r) => r.processRatio)),
    floorProcessMs: mid('floor', 'processMs'),
    floorProcessRatio: mid('floor', 'processMs') / emptyProcessMs,
    runs,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The middle value; the mean of the two middle ones for an even count (as `bundle-sizes.ts` does). */
export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** What the runtime does with a handler module: import it (and find the handler), in a fresh process. */
function writeProbe(dir: string): string {
  const path = join(dir, 'probe.mjs');
  writeFileSync(
    path,
    `const before = performance.now();
const mod = await import(process.argv[2]);
const after = performance.now();
const cpu = process.cpuUsage();
if (typeof mod.handler !== 'function') throw new Error('no handler export');
process.stdout.write(JSON.stringify({ initMs: after, importMs: after - before, cpuMs: (cpu.user + cpu.system) / 1000 }));
process.exit(0);
`,
  );
  return path;
}

async function initOnce(probe: string, s: Subject): Promise<Sample> {
  try {
    const spawned = performance.now();
    const { stdout } = await run(process.execPath, [probe, pathToFileURL(s.path).href], { env: s.env, timeout: 60_000 });
    return { ...(JSON.parse(stdout) as Omit<Sample, 'processMs'>), processMs: performance.now() - spawned };
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`importing the bundle of ${s.name} failed: ${err.stderr || err.message}`);
  }
}

/** `export const handler = async () => ({})`, bundled with the functions' own options. */
async function buildEmptyHandler(dir: string): Promise<string> {
  const entry = join(dir, 'empty.ts');
  writeFileSync(entry, 'export const handler = async () => ({});\n');
  const outfile = join(dir, 'empty', 'index.mjs');
  await build({ ...bundleOptions(repoRoot), entryPoints: [entry], outfile });
  return outfile;
}

/** What every function imports and nothing more (BundleBench.floorProcessRatio), bundled with the functions' own options. */
async function buildFloorHandler(dir: string): Promise<string> {
  const entry = join(dir, 'floor.ts');
  const from = (path: string) => JSON.stringify(join(repoRoot, path));
  writeFileSync(
    entry,
    [
      `import { randomBytes } from 'node:crypto';`,
      `import middy from '@middy/core';`,
      `import { logger } from ${from('functions/lib/logger.ts')};`,
      `import { liteClient } from ${from('shared/platform/aws/lite.ts')};`,
      `const client = liteClient('DYNAMODB');`,
      `export const handler = middy(async () => ({ client, logger, id: randomBytes(16) }));`,
    ].join('\n'),
  );
  const outfile = join(dir, 'floor', 'index.mjs');
  // The entry is outside the repository: its packages are looked up in the repository's node_modules.
  await build({ ...bundleOptions(repoRoot), entryPoints: [entry], outfile, nodePaths: [join(repoRoot, 'node_modules')] });
  return outfile;
}

/** Each function's bundle and the environment its Lambda gets, read from the synthesized stack. */
function subjects(assemblyDir: string, sourceMaps: boolean): Subject[] {
  type Fn = { Type: string; Properties: { FunctionName?: string; Environment?: { Variables?: Record<string, unknown> } } };
  const resources = Object.values(mergedTemplate(assemblyDir, templateFile).Resources as Record<string, Fn>);
  const variables = (name: string) =>
    resources.find((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.FunctionName === name)?.Properties.Environment?.Variables ??
    {};
  return functionBundles(assemblyDir, templateFile).map(({ functionName, path }) => ({
    name: functionName,
    path,
    env: lambdaEnvironment(functionName, variables(functionName), sourceMaps),
  }));
}

/**
 * The variables Lambda sets for every function, then the function's own. A CloudFormation
 * reference (a table name, an ARN, a URL) becomes a placeholder: configuration is read when a
 * request uses it, never at import, and nothing may call AWS at import.
 */
function lambdaEnvironment(functionName: string, own: Record<string, unknown>, sourceMaps: boolean): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    AWS_REGION: 'eu-west-2',
    AWS_DEFAULT_REGION: 'eu-west-2',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_SESSION_TOKEN: 'bench',
    // Lambda runs Node 22; this machine's Node 20 would make every SDK client print a warning.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  for (const [name, value] of Object.entries(own)) env[name] = typeof value === 'string' ? value : `https://placeholder.invalid/${name}`;
  // The stack sets no NODE_OPTIONS now; the flag is added to measure what it cost.
  if (sourceMaps) env.NODE_OPTIONS = '--enable-source-maps';
  else delete env.NODE_OPTIONS;
  return env;
}

const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(9);

/** The figures as a table, worst ratio last. */
export function bundleTable(b: BundleBench): string {
  const rows = [...b.functions].sort((x, y) => x.processRatio - y.processRatio);
  const x = (r: number) => `${r.toFixed(2)}×`;
  return [
    `cold init ${b.sourceMaps ? 'WITH' : 'without'} --enable-source-maps, median of ${b.runs} (process = spawn to exit, as the parent sees it; init = Node's start and the import, inside the process; import = the import alone; cpu = CPU time of the init)`,
    `     size   process      init    import       cpu  process÷  init÷  cpu÷  function`,
    ...rows.map(
      (r) =>
        `${(r.bytes / 1000).toFixed(1).padStart(7)} KB ${ms(r.processMs)} ${ms(r.initMs)} ${ms(r.importMs)} ${ms(r.cpuMs)}  ${x(r.processRatio).padStart(8)} ${x(r.ratio).padStart(6)} ${x(r.cpuRatio).padStart(5)}  ${r.name}`,
    ),
    `  empty handler: process ${b.emptyProcessMs.toFixed(1)} ms, init ${b.emptyInitMs.toFixed(1)} ms, import ${b.emptyImportMs.toFixed(1)} ms, cpu ${b.emptyCpuMs.toFixed(1)} ms`,
    `  floor (middy, the logger, the aws-lite client, node:crypto and nothing else): process ${b.floorProcessMs.toFixed(1)} ms, ${x(b.floorProcessRatio)} the empty handler`,
    `  bundles: largest ${(b.maxBytes / 1000).toFixed(1)} KB, median ${(b.medianBytes / 1000).toFixed(1)} KB`,
    `  whole process ÷ empty: median ${x(b.medianProcessRatio)}, worst ${x(b.maxProcessRatio)}; init: median ${x(b.medianRatio)}, worst ${x(b.maxRatio)}; cpu: median ${x(b.medianCpuRatio)}, worst ${x(b.maxCpuRatio)}; ${b.seconds.toFixed(0)} s`,
  ].join('\n');
}

if (process.argv[1]?.endsWith('bundles.ts')) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '10' }, 'source-maps': { type: 'boolean', default: false }, only: { type: 'string' } },
  });
  const result = await benchBundles(positionals[0] ?? join(repoRoot, 'cdk.out'), {
    runs: Number(values.runs),
    sourceMaps: values['source-maps'],
    ...(values.only ? { only: values.only.split(',') } : {}),
    onProgress: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${bundleTable(result)}\n`);
}
