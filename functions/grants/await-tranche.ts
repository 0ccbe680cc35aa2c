import { grantsTable } from '../../shared/grants/aws';
import { awaitTranche } from '../../shared/grants/tranches';
import { workflows } from '../../shared/platform/aws/workflows';
import { callbackOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** Callback task: a condition decision or an accepted report resumes the workflow with the stored token. */
export const handler = taskHandler(callbackOf({ grantId: z.string() }), (input) => awaitTranche({ ...grantsTable, workflows }, input));
