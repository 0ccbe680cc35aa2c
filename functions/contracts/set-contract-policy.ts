import { contractsTable } from '../../shared/contracts/aws';
import { setContractPolicy } from '../../shared/contracts/contracts';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { orgIdPath } from './paths';
import { policyBody } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { orgId } = parse(orgIdPath, event.pathParameters ?? {}, 'path');
  return {
    body: (await setContractPolicy(contractsTable, caller, orgId, parse(policyBody, jsonBody(event), 'body'))) satisfies View<
      typeof views.policySet
    >,
  };
});
