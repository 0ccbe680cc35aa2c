import { z } from 'zod';
import { awaitReview } from '../../shared/app/reports';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

export const handler = taskHandler(z.object({ reportId: z.string(), taskToken: z.string().min(1), executionName: z.string() }), (input) =>
  awaitReview(deps, input),
);
