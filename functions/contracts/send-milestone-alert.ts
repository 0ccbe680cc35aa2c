import { sendAlert } from '../../shared/contracts/alerts';
import { contractsTable } from '../../shared/contracts/aws';
import { mailer } from '../../shared/platform/aws/mail';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

const alert = z.object({
  kind: z.literal('milestone-alert'),
  contractId: z.string(),
  milestoneId: z.string(),
  dueDate: z.string(),
  offsetDays: z.int(),
});

/** Scheduled before each due date and the morning after it; says nothing once the milestone is decided or moved. */
export const handler = taskHandler(alert, (input) => sendAlert({ ...contractsTable, mailer }, input));
