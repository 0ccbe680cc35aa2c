import { z } from 'zod';
import { markReport } from '../../shared/app/reports';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

export const handler = taskHandler(z.object({ reportId: z.string(), status: z.enum(['overdue', 'very-late', 'not-submitted']) }), (input) =>
  markReport(deps, input),
);
