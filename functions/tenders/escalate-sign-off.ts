import { mailer } from '../../shared/platform/aws/mail';
import { tendersTable } from '../../shared/tenders/aws';
import { escalateSignOff } from '../../shared/tenders/sign-off';
import { callbackOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** Callback task: the sign-off deadline passed; the lead decides. */
export const handler = taskHandler(callbackOf({ tenderId: z.string() }), (input) => escalateSignOff({ ...tendersTable, mailer }, input));
