import { awaitChallenge } from '../../shared/tenders/award-steps';
import { tendersTable } from '../../shared/tenders/aws';
import { callbackOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(callbackOf({ tenderId: z.string(), lotId: z.string() }), (input) => awaitChallenge(tendersTable, input));
