import { awaitStandstill } from '../../shared/tenders/award-steps';
import { tendersTable } from '../../shared/tenders/aws';
import { callbackOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(callbackOf({ tenderId: z.string() }), (input) => awaitStandstill(tendersTable, input));
