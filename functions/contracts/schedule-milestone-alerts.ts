import { scheduleAlerts, scheduleCouncilAlerts } from '../../shared/contracts/alerts';
import { contractsTable } from '../../shared/contracts/aws';
import { scheduler } from '../../shared/platform/aws/schedules';
import { taskHandler } from '../lib/task';
import * as z from '../lib/zod';

const contractEvent = z.object({
  'detail-type': z.enum(['contract.registered', 'contract.amended', 'contract.policy-set']),
  detail: z.object({ data: z.object({ contractId: z.optional(z.string()), councilOrgId: z.optional(z.string()) }) }),
});

/** A contract's alerts when it is registered or amended; every contract's of a council when its policy changes. */
export const handler = taskHandler(contractEvent, (event) => {
  const deps = { ...contractsTable, scheduler };
  const { contractId, councilOrgId } = event.detail.data;
  if (contractId) return scheduleAlerts(deps, { contractId });
  return scheduleCouncilAlerts(deps, { councilOrgId: councilOrgId ?? '' });
});
