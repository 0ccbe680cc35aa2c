/** What the platform's routes answer (see `functions/pools/views.ts` for why these are schemas). */
import * as z from '../lib/zod';

const component = z.looseObject({ state: z.enum(['ok', 'degraded', 'stopped']) });

/** Loose on purpose: locally the runtime adds its engines and dead letters to `components`. */
export const health = z.looseObject({ status: z.literal('ok'), components: z.record(z.string(), component) });

/** This very document; the OpenAPI 3.1 schema states the rest of its shape (a test checks it against that). */
export const openApiDocument = z.strictObject({
  openapi: z.string(),
  info: z.strictObject({ title: z.string(), version: z.string(), description: z.string() }),
  tags: z.array(z.strictObject({ name: z.string(), description: z.string() })),
  paths: z.record(z.string(), z.record(z.string(), z.looseObject({ operationId: z.string() }))),
  components: z.looseObject({}),
});
