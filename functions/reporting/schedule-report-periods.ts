import { scheduler } from '../../shared/platform/aws/schedules';
import { reportingTable } from '../../shared/reporting/aws';
import { scheduleReportPeriods } from '../../shared/reporting/cycle';
import { planSet } from '../grants/plan-set';
import { taskHandler } from '../lib/task';

export const handler = taskHandler(planSet, (event) =>
  scheduleReportPeriods({ ...reportingTable, scheduler }, { grantId: event.detail.data.grantId }),
);
