import { z } from 'zod';
import { releaseTranche } from '../../shared/app/grants';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

export const handler = taskHandler(z.object({ grantId: z.string(), trancheSeq: z.int().positive() }), (input) =>
  releaseTranche(deps, input),
);
