import { scheduler } from '../../shared/platform/aws/schedules';
import { reportingTable } from '../../shared/reporting/aws';
import { scheduleReminders } from '../../shared/reporting/reminders';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(eventOf('report.opened', { reportId: z.string() }), (event) =>
  scheduleReminders({ ...reportingTable, scheduler }, { reportId: event.detail.data.reportId }),
);
