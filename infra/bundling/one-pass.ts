import { readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { type BuildOptions, buildSync, type Metafile } from 'esbuild';

/**
 * How every Lambda bundle is built: what NodejsFunction ran before (its esbuild command line
 * for `minify`, `sourceMap`, ESM, node22, `bundleAwsSDK`), as esbuild options, so the one-pass
 * build and the benchmarks' empty handler (test/bench/bundles.ts) are built alike. One change:
 * the source maps leave out the sources' text.
 */
export function bundleOptions(repoRoot: string): BuildOptions {
  return {
    absWorkingDir: repoRoot,
    bundle: true,
    target: 'node22',
    platform: 'node',
    format: 'esm',
    minify: true,
    // Written beside each bundle but not loaded at run time (no --enable-source-maps: it slowed
    // every cold start); infra/stack-trace.ts maps a logged stack back to the TypeScript source.
    sourcemap: true,
    // The mappings are all a stack trace uses. With the sources' text in it too, the map was 3 to
    // 5 times as large, and a larger zip to fetch.
    sourcesContent: false,
    mainFields: ['module', 'main'],
    // Bundled CommonJS dependencies call require(), which ESM output does not define.
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    // Nothing external (ship the versions the project pins and tests against, not the runtime's)
    // but aws-lite's vendored XML parser: grantloop calls only AWS JSON services, and the parser
    // is 26 KB that V8 would parse on every cold start. aws-lite requires it only for an answer
    // whose content type is XML, which no JSON service sends; if one ever came, the require
    // would throw inside aws-lite's response handler, the process would exit and Lambda would
    // report the invocation failed (Runtime.ExitError): no write is half-made by it.
    external: ['../_vendor/xml'],
    // Credentials come from the Lambda environment only (see env-credentials.ts); DynamoDB's
    // endpoint cache gets a Map-based LRU instead of mnemonist's (see lru-cache.ts); middy's
    // streaming imports load when a response streams, which none does (see middy-streams.ts).
    alias: {
      '@aws-sdk/credential-provider-node': join(repoRoot, 'infra', 'bundling', 'env-credentials.ts'),
      'mnemonist/lru-cache': join(repoRoot, 'infra', 'bundling', 'lru-cache.ts'),
      'node:stream/promises': join(repoRoot, 'infra', 'bundling', 'middy-streams.ts'),
      'node:stream/web': join(repoRoot, 'infra', 'bundling', 'middy-streams.ts'),
    },
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  };
}

/** Where the one-pass build puts each function's bundle, beside CDK's own bundling folders. */
const stagingName = (functionName: string) => `bundling-temp-onepass-${process.pid}-${functionName}`;

/**
 * Every function bundled in ONE esbuild run with an entry point each. NodejsFunction ran
 * `npx esbuild` once per function: an npm and an esbuild process each time, and every shared
 * module (the SDK, zod, the platform) parsed again, which made `npm run synth` take minutes.
 * There is no code splitting: each output is self-contained, as a Lambda zip must be, and byte
 * for byte what a build of that entry alone gives.
 *
 * Each function's code is still a CDK bundled asset (a local bundler that hands over its output),
 * so CDK's rules keep applying: the asset is hashed from its output as NodejsFunction's was, and
 * nothing is built when the stack is not being bundled (`aws:cdk:bundling-stacks`). The build
 * runs when the first function asks for its bundle, into the assembly's own folder at the depth
 * CDK bundles at, so the source maps' relative paths are what they were.
 */
export class OnePassBundles {
  private built = false;

  /** @param entries function name → absolute path of its handler file */
  constructor(
    private readonly repoRoot: string,
    private readonly entries: Readonly<Record<string, string>>,
  ) {}

  /** The function's code, with its handler exported as `handler` from `index.mjs`. */
  code(functionName: string): Code {
    const entry = this.entries[functionName];
    if (!entry) throw new Error(`no entry for ${functionName} in the one-pass build`);
    // `functionName` and `entry` are there for CDK's cache key (the JSON of these options), which must differ per function.
    const local = { functionName, entry, tryBundle: (outputDir: string) => this.take(functionName, outputDir) };
    return Code.fromAsset(this.repoRoot, {
      assetHashType: AssetHashType.OUTPUT,
      // The image is never pulled: local bundling always succeeds or throws.
      bundling: { image: DockerImage.fromRegistry('dummy'), local },
    });
  }

  private take(functionName: string, outputDir: string): boolean {
    const assemblyDir = dirname(outputDir);
    if (!this.built) {
      this.build(assemblyDir);
      this.built = true;
    }
    const from = join(assemblyDir, stagingName(functionName));
    for (const file of readdirSync(from)) renameSync(join(from, file), join(outputDir, file));
    rmSync(from, { recursive: true, force: true });
    return true;
  }

  private build(assemblyDir: string): void {
    const names = Object.keys(this.entries);
    const { metafile } = buildSync({
      ...bundleOptions(this.repoRoot),
      entryPoints: names.map((name) => ({ in: this.entries[name] as string, out: stagingName(name) })),
      outdir: assemblyDir,
      entryNames: '[name]/index',
      splitting: false,
      metafile: true,
    });
    const strays = streamShimStrays(metafile);
    if (strays.length)
      throw new Error(`middy-streams.ts stands in for middy's streaming imports only, but ${strays.join(', ')} imports them too`);
  }
}

/**
 * The modules other than @middy/core that import what middy-streams.ts stands in for. The shim
 * has only what middy uses: another package importing `node:stream/web` for something else would
 * get `undefined` from a `require`, so the build refuses it instead.
 */
export function streamShimStrays(metafile: Metafile): string[] {
  const shimmed = ['node:stream/web', 'node:stream/promises'];
  return Object.entries(metafile.inputs)
    .filter(([file, input]) => !file.includes('node_modules/@middy/core/') && input.imports.some((i) => shimmed.includes(i.original ?? '')))
    .map(([file]) => file);
}
