import { continueGrant } from '../../shared/grants/tranches';
import { workflows } from '../../shared/platform/aws/workflows';
import { clock } from '../../shared/platform/clock';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ grantId: z.string(), generation: z.int().check(z.positive()) }), (input) =>
  continueGrant({ workflows, clock }, input),
);
