import { z } from 'zod';
import { continueGrant } from '../../shared/app/grants';
import { config } from '../../shared/config/env';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

export const handler = taskHandler(z.object({ grantId: z.string(), generation: z.int().positive() }), (input) =>
  continueGrant(deps, config.grantWorkflowArn(), input),
);
