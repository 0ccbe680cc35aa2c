import { workflows } from '../../shared/platform/aws/workflows';
import { startReportCycle } from '../../shared/reporting/cycle';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

/** Scheduled when a report period opens: starts that period's reporting cycle. */
export const handler = taskHandler(z.object({ kind: z.literal('report-open'), reportId: z.string() }), (input) =>
  startReportCycle({ workflows }, input.reportId),
);
