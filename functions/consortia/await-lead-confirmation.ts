import { consortiaTable } from '../../shared/consortia/aws';
import { awaitLeadConfirmation } from '../../shared/consortia/invitation';
import { callbackOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** Stores the task token server-side; the lead's confirm call resumes the workflow with it. */
export const handler = taskHandler(callbackOf({ consortiumId: z.string() }), (input) => awaitLeadConfirmation(consortiaTable, input));
