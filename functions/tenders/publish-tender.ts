import { mailer } from '../../shared/platform/aws/mail';
import { tenderMoney, tendersTable } from '../../shared/tenders/aws';
import { publishTender } from '../../shared/tenders/steps';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** Reserves the budget in the pool and publishes (UK4), in one transaction. */
export const handler = taskHandler(z.object({ tenderId: z.string() }), (input) =>
  publishTender({ ...tendersTable, ...tenderMoney, mailer }, input),
);
