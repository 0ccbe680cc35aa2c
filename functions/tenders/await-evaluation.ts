import { tendersTable } from '../../shared/tenders/aws';
import { awaitEvaluation } from '../../shared/tenders/steps';
import { callbackOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(callbackOf({ tenderId: z.string() }), (input) => awaitEvaluation(tendersTable, input));
