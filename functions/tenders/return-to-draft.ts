import { tendersTable } from '../../shared/tenders/aws';
import { returnToDraft } from '../../shared/tenders/sign-off';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ tenderId: z.string(), reason: z.string() }), (input) => returnToDraft(tendersTable, input));
