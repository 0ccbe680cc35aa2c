import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOptions, streamShimStrays } from '../../infra/bundling/one-pass';

const repoRoot = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'grantloop-middy-streams-'));
const outfile = join(dir, 'out', 'index.mjs');

type Streamed = (event: unknown, stream: Writable, context: object) => Promise<void>;
let handler: (body: unknown) => Streamed;

// What the Lambda runtime puts in scope for a streaming handler: middy calls it at build time.
const runtime = {
  streamifyResponse: (fn: Streamed) => fn,
  HttpResponseStream: { from: (stream: Writable) => stream },
};

beforeAll(async () => {
  // The handler streams back whatever the event names; built as every function is.
  writeFileSync(
    join(dir, 'streamer.ts'),
    [
      `import middy from '@middy/core';`,
      `export const handler = (body: unknown) => middy({ streamifyResponse: true }).handler(async () => body);`,
    ].join('\n'),
  );
  await build({
    ...bundleOptions(repoRoot),
    entryPoints: [join(dir, 'streamer.ts')],
    outfile,
    nodePaths: [join(repoRoot, 'node_modules')],
  });
  Object.assign(globalThis, { awslambda: runtime });
  handler = (await import(pathToFileURL(outfile).href)).handler;
});
afterAll(() => {
  Reflect.deleteProperty(globalThis, 'awslambda');
  rmSync(dir, { recursive: true, force: true });
});

const collect = async (body: unknown) => {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  await handler(body)({}, sink, {});
  return Buffer.concat(chunks).toString('utf8');
};

describe('middy’s streaming imports in a bundle (infra/bundling/middy-streams.ts)', () => {
  it('are not loaded when the bundle is', () => {
    const text = readFileSync(outfile, 'utf8');
    expect(text).not.toMatch(/from\s*"node:stream\/(web|promises)"/);
  });

  it('still stream a web ReadableStream, a Node stream and a string as middy does', async () => {
    const web = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('web '));
        controller.enqueue(new TextEncoder().encode('stream'));
        controller.close();
      },
    });
    expect(await collect(web)).toBe('web stream');
    expect(await collect(Readable.from(['node ', 'stream']))).toBe('node stream');
    expect(await collect('a string')).toBe('a string');
  });

  it('still refuse a body that is no stream', async () => {
    await expect(collect({ not: 'a stream' })).rejects.toThrow('handler response not a ReadableStream');
  });

  it('are stood in for only where middy imports them: the build names any other importer', async () => {
    const stray = join(dir, 'stray.ts');
    writeFileSync(
      stray,
      [
        `import * as web from 'node:stream/web';`,
        `import middy from '@middy/core';`,
        `export const handler = middy(async () => web);`,
      ].join('\n'),
    );
    const built = (entry: string) =>
      build({
        ...bundleOptions(repoRoot),
        entryPoints: [entry],
        outdir: join(dir, 'meta'),
        write: false,
        metafile: true,
        nodePaths: [join(repoRoot, 'node_modules')],
      });
    expect(streamShimStrays((await built(join(dir, 'streamer.ts'))).metafile)).toEqual([]);
    expect(streamShimStrays((await built(stray)).metafile)).toEqual([expect.stringContaining('stray.ts')]);
  });
});
