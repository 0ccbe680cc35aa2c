import { consortiaTable } from '../../shared/consortia/aws';
import { settleConsortium } from '../../shared/consortia/invitation';
import { mailer } from '../../shared/platform/aws/mail';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ consortiumId: z.string(), outcome: z.enum(['activate', 'lapse']) }), (input) =>
  settleConsortium({ ...consortiaTable, mailer }, input),
);
