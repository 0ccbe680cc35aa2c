import { workflows } from '../../shared/platform/aws/workflows';
import { reportingTable } from '../../shared/reporting/aws';
import { awaitSubmission } from '../../shared/reporting/cycle';
import { callbackOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** Callback task: the provider's submission through the emailed link resumes the workflow. */
export const handler = taskHandler(callbackOf({ reportId: z.string() }), (input) =>
  awaitSubmission({ ...reportingTable, workflows }, input),
);
