import { decide } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { milestonePath } from './paths';
import { decisionBody } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { contractId, milestoneId } = parse(milestonePath, event.pathParameters ?? {}, 'path');
  return {
    body: (await decide(contractsTable, caller, contractId, milestoneId, parse(decisionBody, jsonBody(event), 'body'))) satisfies View<
      typeof views.contract
    >,
  };
});
