import { mailer } from '../../shared/platform/aws/mail';
import { workflows } from '../../shared/platform/aws/workflows';
import { reportingTable } from '../../shared/reporting/aws';
import { acceptReport } from '../../shared/reporting/cycle';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

export const handler = taskHandler(z.object({ reportId: z.string() }), (input) =>
  acceptReport({ ...reportingTable, mailer, workflows }, input),
);
