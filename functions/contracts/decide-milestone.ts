import { decide } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { staffRoute } from '../consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { milestonePath } from './paths';
import { decisionBody } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { contractId, milestoneId } = parse(milestonePath, event.pathParameters ?? {}, 'path');
  return { body: await decide(contractsTable, caller, contractId, milestoneId, parse(decisionBody, jsonBody(event), 'body')) };
});
