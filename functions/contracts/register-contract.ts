import { contractsTable } from '../../shared/contracts/aws';
import { registerContract } from '../../shared/contracts/contracts';
import { readGrant, readPool } from '../../shared/pools/dynamodb-pool-reader';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { orgIdPath } from './paths';
import { newContract } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { orgId } = parse(orgIdPath, event.pathParameters ?? {}, 'path');
  const input = parse(newContract, jsonBody(event), 'body');
  const deps = { ...contractsTable, pools: { getPool: readPool, getGrant: readGrant } };
  return { status: 201, body: (await registerContract(deps, caller, orgId, input)) satisfies View<typeof views.contract> };
});
