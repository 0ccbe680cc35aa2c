import { mailer } from '../../shared/platform/aws/mail';
import { reportingTable } from '../../shared/reporting/aws';
import { sendReminder } from '../../shared/reporting/reminders';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** Scheduled at each reminder offset; sends nothing once the report has arrived. */
export const handler = taskHandler(z.object({ kind: z.literal('report-reminder'), reportId: z.string(), offsetDays: z.int() }), (input) =>
  sendReminder({ ...reportingTable, mailer }, input),
);
