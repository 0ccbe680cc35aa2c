import { workflows } from '../../shared/platform/aws/workflows';
import { poolsEvents } from '../../shared/pools/events';
import { startRoundWorkflow } from '../../shared/pools/round-steps';
import { eventOf, taskHandler } from '../lib/task';

/** round.opened → the allocation-round workflow, named after the round. */
export const handler = taskHandler(eventOf(poolsEvents, 'round.opened'), (event) =>
  startRoundWorkflow({ workflows }, event.detail.data.roundId),
);
