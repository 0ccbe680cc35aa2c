import { grantsTable } from '../../shared/grants/aws';
import { nextTranche } from '../../shared/grants/tranches';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ grantId: z.string(), startedAt: z.optional(z.iso.datetime()) }), (input) =>
  nextTranche(grantsTable, input),
);
