import { z } from 'zod';
import { notifyRoundCommitted } from '../../shared/app/rounds';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

export const handler = taskHandler(z.object({ roundId: z.string() }), (input) => notifyRoundCommitted(deps, input));
