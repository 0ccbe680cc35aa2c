import { z } from 'zod';
import { escalateRound } from '../../shared/app/rounds';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

/** Callback task: stores the task token server-side; an API call resumes the workflow with it. */
export const handler = taskHandler(z.object({ roundId: z.string(), taskToken: z.string().min(1), executionName: z.string() }), (input) =>
  escalateRound(deps, input),
);
