import { grantsTable } from '../../shared/grants/aws';
import { releaseTranche } from '../../shared/grants/tranches';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ grantId: z.string(), trancheSeq: z.int().check(z.positive()) }), (input) =>
  releaseTranche(grantsTable, input),
);
