import { z } from 'zod';
import { scheduleReminders } from '../../shared/app/reports';
import { config } from '../../shared/config/env';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

const opened = z.object({ 'detail-type': z.literal('report.opened'), detail: z.object({ data: z.object({ reportId: z.string() }) }) });

export const handler = taskHandler(opened, (event) =>
  scheduleReminders(deps, { reportId: event.detail.data.reportId, reminderFunctionArn: config.reportReminderFunctionArn() }),
);
