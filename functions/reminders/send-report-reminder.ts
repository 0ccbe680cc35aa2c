import { z } from 'zod';
import { sendReminder } from '../../shared/app/reports';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

export const handler = taskHandler(z.object({ kind: z.literal('report-reminder'), reportId: z.string(), offsetDays: z.int() }), (input) =>
  sendReminder(deps, input),
);
