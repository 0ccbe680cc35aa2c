import { mailer } from '../../shared/platform/aws/mail';
import { reportingTable } from '../../shared/reporting/aws';
import { sendReplacedReportLink } from '../../shared/reporting/report-link-sent';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

const replaced = eventOf('report.link-replaced', { reportId: z.string(), grantId: z.string(), linkGeneration: z.int() });

export const handler = taskHandler(replaced, (event) => sendReplacedReportLink({ ...reportingTable, mailer }, event.detail.data));
