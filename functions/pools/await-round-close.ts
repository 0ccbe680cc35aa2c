import { poolsTable } from '../../shared/pools/aws';
import { awaitRoundClose } from '../../shared/pools/round-steps';
import { callbackOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** Callback task: stores the task token server-side; the lead's close call resumes the workflow with it. */
export const handler = taskHandler(callbackOf({ roundId: z.string() }), (input) => awaitRoundClose(poolsTable, input));
