import { contractsTable } from '../../shared/contracts/aws';
import { requestEvidence } from '../../shared/contracts/evidence-request';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { milestonePath } from './paths';
import type * as views from './views';

/** "Request evidence now": the supplier is emailed a new evidence link (by the event's follower); the one sent before stops working. */
export const handler = staffRoute(async (event, caller) => {
  const { contractId, milestoneId } = parse(milestonePath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await requestEvidence(contractsTable, caller, contractId, milestoneId)) satisfies View<typeof views.evidenceRequested>,
  };
});
