import { mailer } from '../../shared/platform/aws/mail';
import { tendersTable } from '../../shared/tenders/aws';
import { tenderCancelled } from '../../shared/tenders/steps';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ tenderId: z.string() }), (input) => tenderCancelled({ ...tendersTable, mailer }, input));
