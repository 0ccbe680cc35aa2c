import { z } from 'zod';
import { settleRound } from '../../shared/app/rounds';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

export const handler = taskHandler(z.object({ roundId: z.string(), outcome: z.enum(['approved', 'rejected', 'expired']) }), (input) =>
  settleRound(deps, input),
);
