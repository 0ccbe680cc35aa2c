/**
 * What @middy/core imports from `node:stream/promises` and `node:stream/web`, loaded only when a
 * handler streams its response. middy imports both at the top of its module for its
 * `streamifyResponse` path, which no grantloop function takes, and importing them cost every
 * cold start about 2 ms here (web streams are not in Node’s start-up snapshot): a fifteenth of an
 * empty handler's whole start. The bundles are aliased to this module (one-pass.ts); the local
 * runtime and the tests import the real modules, through middy itself.
 */

type Pipeline = (...streams: unknown[]) => Promise<void>;

/**
 * `pipeline` from `node:stream/promises`, which is loaded on the first call. (Not through
 * `createRequire`: the bundles' banner already declares that name in the same module scope.
 * `process.getBuiltinModule` is Node 22.3's; Lambda's nodejs22.x and nodejs24.x have it.)
 */
export const pipeline: Pipeline = (...streams) => (process.getBuiltinModule('node:stream/promises').pipeline as Pipeline)(...streams);

/**
 * Stands for `ReadableStream` from `node:stream/web` on the right of `instanceof`, the only way
 * middy uses it. The global is the same class, and Node builds it when it is first read.
 */
export const ReadableStream = {
  [Symbol.hasInstance]: (value: unknown): boolean => value instanceof globalThis.ReadableStream,
};
