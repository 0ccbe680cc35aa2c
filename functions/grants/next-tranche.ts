import { grantsTable } from '../../shared/grants/aws';
import { advanceTranches } from '../../shared/grants/tranches';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ grantId: z.string(), startedAt: z.optional(z.iso.datetime()) }), (input) =>
  advanceTranches(grantsTable, input),
);
