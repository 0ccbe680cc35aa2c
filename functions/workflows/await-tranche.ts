import { z } from 'zod';
import { awaitTranche } from '../../shared/app/grants';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

export const handler = taskHandler(z.object({ grantId: z.string(), taskToken: z.string().min(1), executionName: z.string() }), (input) =>
  awaitTranche(deps, input),
);
