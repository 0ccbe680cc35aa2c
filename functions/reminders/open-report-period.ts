import { z } from 'zod';
import { startReportCycle } from '../../shared/app/reports';
import { config } from '../../shared/config/env';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

/** Scheduled at the end of each report period: starts that period's reporting cycle. */
export const handler = taskHandler(z.object({ kind: z.literal('report-open'), reportId: z.string() }), (input) =>
  startReportCycle(deps, config.reportWorkflowArn(), input.reportId),
);
