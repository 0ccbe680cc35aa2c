import { scheduleAlerts, scheduleCouncilAlerts } from '../../shared/contracts/alerts';
import { contractsTable } from '../../shared/contracts/aws';
import { contractsEvents } from '../../shared/contracts/events';
import { scheduler } from '../../shared/platform/aws/schedules';
import { eventOf, taskHandler } from '../lib/task';
import * as z from '../lib/zod';

const contractEvent = z.union([
  eventOf(contractsEvents, 'contract.registered'),
  eventOf(contractsEvents, 'contract.amended'),
  eventOf(contractsEvents, 'contract.policy-set'),
]);

/** A contract's alerts when it is registered or amended; every contract's of a council when its policy changes. */
export const handler = taskHandler(contractEvent, (event) => {
  const deps = { ...contractsTable, scheduler };
  if (event['detail-type'] === 'contract.policy-set') return scheduleCouncilAlerts(deps, { councilOrgId: event.detail.data.councilOrgId });
  return scheduleAlerts(deps, { contractId: event.detail.data.contractId });
});
