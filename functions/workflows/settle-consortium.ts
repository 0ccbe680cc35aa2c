import { z } from 'zod';
import { settleConsortium } from '../../shared/app/consortia';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

export const handler = taskHandler(z.object({ consortiumId: z.string(), outcome: z.enum(['activate', 'lapse']) }), (input) =>
  settleConsortium(deps, input),
);
