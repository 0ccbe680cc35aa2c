import { mailer } from '../../shared/platform/aws/mail';
import { sendAssessmentSummaries } from '../../shared/tenders/award-notice';
import { tendersTable } from '../../shared/tenders/aws';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ tenderId: z.string() }), (input) =>
  sendAssessmentSummaries({ ...tendersTable, mailer }, input),
);
