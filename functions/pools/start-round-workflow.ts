import { workflows } from '../../shared/platform/aws/workflows';
import { startRoundWorkflow } from '../../shared/pools/round-steps';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** round.opened → the allocation-round workflow, named after the round. */
export const handler = taskHandler(eventOf('round.opened', { roundId: z.string() }), (event) =>
  startRoundWorkflow({ workflows }, event.detail.data.roundId),
);
