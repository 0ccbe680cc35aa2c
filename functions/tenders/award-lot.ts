import { awardLot } from '../../shared/tenders/award-steps';
import { tenderMoney, tendersTable } from '../../shared/tenders/aws';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ tenderId: z.string(), lotId: z.string() }), (input) =>
  awardLot({ ...tendersTable, ...tenderMoney }, input),
);
