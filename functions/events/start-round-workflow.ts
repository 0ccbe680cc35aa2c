import { z } from 'zod';
import { startRoundWorkflow } from '../../shared/app/rounds';
import { config } from '../../shared/config/env';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

const roundOpened = z.object({
  'detail-type': z.literal('round.opened'),
  detail: z.object({ data: z.object({ roundId: z.string() }) }),
});

export const handler = taskHandler(roundOpened, (event) => startRoundWorkflow(deps, config.roundWorkflowArn(), event.detail.data.roundId));
