import { mailer } from '../../shared/platform/aws/mail';
import { reportingTable } from '../../shared/reporting/aws';
import { reportingEvents } from '../../shared/reporting/events';
import { sendReplacedReportLink } from '../../shared/reporting/report-link-sent';
import { eventOf, taskHandler } from '../lib/task';

const replaced = eventOf(reportingEvents, 'report.link-replaced');

export const handler = taskHandler(replaced, (event) => sendReplacedReportLink({ ...reportingTable, mailer }, event.detail.data));
