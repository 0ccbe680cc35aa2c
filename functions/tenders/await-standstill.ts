import { mailer } from '../../shared/platform/aws/mail';
import { workflows } from '../../shared/platform/aws/workflows';
import { awaitStandstill } from '../../shared/tenders/award-steps';
import { tendersTable } from '../../shared/tenders/aws';
import { callbackOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(callbackOf({ tenderId: z.string() }), (input) =>
  awaitStandstill({ ...tendersTable, mailer, workflows }, input),
);
