import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { DomainError } from '../../shared/platform/errors';
import type { Events, EventType } from '../../shared/platform/events';
import { parse } from './http';
import { logger } from './logger';
import * as z from './zod';

/**
 * Wraps a workflow task, rule target or schedule target: parses the input with zod and logs
 * failures. Errors keep their names (e.g. ConflictError) so ASL Retry/Catch can match them.
 */
export function taskHandler<S extends z.ZodMiniType, R>(schema: S, fn: (input: z.infer<S>) => Promise<R>) {
  return middy<unknown, R>()
    .use(injectLambdaContext(logger))
    .handler(async (event) => {
      try {
        return await fn(parse(schema, event, 'body'));
      } catch (error) {
        logger.error('task failed', { error: error as Error, kind: error instanceof DomainError ? error.kind : 'unexpected' });
        throw error;
      }
    });
}

/**
 * An EventBridge event of one detail-type, as a rule target receives it, its payload read with
 * the producer's own schema (from the producer's `events.ts`): a consumer relies on exactly what
 * the producer promises, and a payload that breaks the promise fails here, by field.
 */
export const eventOf = <E extends Events, K extends EventType<E>>(events: E, type: K) =>
  z.object({
    'detail-type': z.literal(type),
    detail: z.object({ occurredAt: z.string(), data: events()[type] as ReturnType<E>[K] }),
  });

/** What a `.waitForTaskToken` step hands its function, next to the step's own fields. */
export const callbackOf = <S extends z.core.$ZodShape>(shape: S) =>
  z.object({ ...shape, taskToken: z.string().check(z.minLength(1)), executionName: z.string() });
