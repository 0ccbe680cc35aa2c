import { contractsTable } from '../../shared/contracts/aws';
import { registerContract } from '../../shared/contracts/contracts';
import { readGrant, readPool } from '../../shared/pools/dynamodb-pool-reader';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { orgIdPath } from './paths';
import { newContract } from './schemas';
import type * as views from './views';

const deps = { ...contractsTable, pools: { getPool: readPool, getGrant: readGrant } };

export const handler = staffCommand(
  { path: orgIdPath, body: newContract, status: 201 },
  async (caller, { orgId }, input) => (await registerContract(deps, caller, orgId, input)) satisfies View<typeof views.contract>,
);
