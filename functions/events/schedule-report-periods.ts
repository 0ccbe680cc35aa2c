import { z } from 'zod';
import { scheduleReportPeriods } from '../../shared/app/reports';
import { config } from '../../shared/config/env';
import { deps } from '../lib/deps';
import { taskHandler } from '../lib/task';

const planSet = z.object({ 'detail-type': z.literal('grant.plan-set'), detail: z.object({ data: z.object({ grantId: z.string() }) }) });

export const handler = taskHandler(planSet, (event) =>
  scheduleReportPeriods(deps, { grantId: event.detail.data.grantId, openFunctionArn: config.reportOpenFunctionArn() }),
);
