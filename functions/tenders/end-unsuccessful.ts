import { mailer } from '../../shared/platform/aws/mail';
import { tenderMoney, tendersTable } from '../../shared/tenders/aws';
import { endUnsuccessful } from '../../shared/tenders/steps';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ tenderId: z.string(), reason: z.string() }), (input) =>
  endUnsuccessful({ ...tendersTable, ...tenderMoney, mailer }, input),
);
