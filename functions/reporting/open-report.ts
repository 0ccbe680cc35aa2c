import { mailer } from '../../shared/platform/aws/mail';
import { reportingTable } from '../../shared/reporting/aws';
import { openReport } from '../../shared/reporting/cycle';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ reportId: z.string() }), (input) => openReport({ ...reportingTable, mailer }, input));
