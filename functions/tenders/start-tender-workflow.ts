import { workflows } from '../../shared/platform/aws/workflows';
import { startTenderWorkflow } from '../../shared/tenders/steps';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** tender.submitted-for-sign-off → the tender workflow, named after the tender and its sign-off attempt. */
export const handler = taskHandler(eventOf('tender.submitted-for-sign-off', { tenderId: z.string(), attempt: z.number() }), (event) =>
  startTenderWorkflow({ workflows }, event.detail.data),
);
