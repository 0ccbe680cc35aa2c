import { contractsTable } from '../../shared/contracts/aws';
import { setContractPolicy } from '../../shared/contracts/contracts';
import { staffRoute } from '../consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { orgIdPath } from './paths';
import { policyBody } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { orgId } = parse(orgIdPath, event.pathParameters ?? {}, 'path');
  return { body: await setContractPolicy(contractsTable, caller, orgId, parse(policyBody, jsonBody(event), 'body')) };
});
