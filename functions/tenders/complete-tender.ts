import { mailer } from '../../shared/platform/aws/mail';
import { completeTender } from '../../shared/tenders/award-steps';
import { tenderMoney, tendersTable } from '../../shared/tenders/aws';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ tenderId: z.string() }), (input) =>
  completeTender({ ...tendersTable, ...tenderMoney, mailer }, input),
);
