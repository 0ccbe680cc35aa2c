import { scheduler } from '../../shared/platform/aws/schedules';
import { reportingTable } from '../../shared/reporting/aws';
import { reportingEvents } from '../../shared/reporting/events';
import { scheduleReminders } from '../../shared/reporting/reminders';
import { eventOf, taskHandler } from '../lib/task';

export const handler = taskHandler(eventOf(reportingEvents, 'report.opened'), (event) =>
  scheduleReminders({ ...reportingTable, scheduler }, { reportId: event.detail.data.reportId }),
);
