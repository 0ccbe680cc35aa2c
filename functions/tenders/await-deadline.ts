import { tendersTable } from '../../shared/tenders/aws';
import { awaitDeadline } from '../../shared/tenders/steps';
import { callbackOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(callbackOf({ tenderId: z.string() }), (input) => awaitDeadline(tendersTable, input));
