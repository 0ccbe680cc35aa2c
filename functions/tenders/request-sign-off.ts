import { mailer } from '../../shared/platform/aws/mail';
import { workflows } from '../../shared/platform/aws/workflows';
import { tendersTable } from '../../shared/tenders/aws';
import { requestSignOff } from '../../shared/tenders/sign-off';
import { callbackOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** Callback task: parks the sign-off token and asks each funder. */
export const handler = taskHandler(callbackOf({ tenderId: z.string() }), (input) =>
  requestSignOff({ ...tendersTable, mailer, workflows }, input),
);
