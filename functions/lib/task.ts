import middy from '@middy/core';
import type { z } from 'zod';
import { DomainError } from '../../shared/domain/errors';
import { parse } from './http';
import { logger } from './logger';

/**
 * Wraps a workflow task, rule target or schedule target: parses the input with zod and logs
 * failures. Errors keep their names (e.g. ConflictError) so ASL Retry/Catch can match them.
 */
export function taskHandler<S extends z.ZodType, R>(schema: S, fn: (input: z.infer<S>) => Promise<R>) {
  return middy<unknown, R>().handler(async (event) => {
    try {
      return await fn(parse(schema, event, 'body'));
    } catch (error) {
      logger.error('task failed', { error: error as Error, kind: error instanceof DomainError ? error.kind : 'unexpected' });
      throw error;
    }
  });
}
