import { allocateDirect } from '../../shared/pools/awards';
import { poolsTable } from '../../shared/pools/aws';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { allocationRequest, poolIdPath } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: poolIdPath, body: allocationRequest, status: 201 },
  async (caller, { poolId }, input) => (await allocateDirect(poolsTable, caller, poolId, input)) satisfies View<typeof views.awardedGrant>,
);
