import { z } from 'zod';
import { nextTranche } from '../../shared/app/grants';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

export const handler = taskHandler(z.object({ grantId: z.string(), startedAt: z.iso.datetime().optional() }), (input) =>
  nextTranche(deps, input),
);
