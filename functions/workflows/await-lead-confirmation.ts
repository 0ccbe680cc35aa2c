import { z } from 'zod';
import { awaitLeadConfirmation } from '../../shared/app/consortia';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

/** Stores the task token server-side; the lead's confirm call resumes the workflow with it. */
export const handler = taskHandler(
  z.object({ consortiumId: z.string(), taskToken: z.string().min(1), executionName: z.string() }),
  (input) => awaitLeadConfirmation(deps, input),
);
