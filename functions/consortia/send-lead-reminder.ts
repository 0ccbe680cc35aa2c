import { consortiaTable } from '../../shared/consortia/aws';
import { sendLeadReminder } from '../../shared/consortia/invitation';
import { mailer } from '../../shared/platform/aws/mail';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** Scheduled 7 days after the invitations; sends nothing if the lead has answered. */
export const handler = taskHandler(z.object({ kind: z.literal('consortium-lead-reminder'), consortiumId: z.string() }), (input) =>
  sendLeadReminder({ ...consortiaTable, mailer }, input.consortiumId),
);
