import { poolsTable } from '../../shared/pools/aws';
import { recordPledge } from '../../shared/pools/pools';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { newPledge, poolIdPath } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: poolIdPath, body: newPledge, status: 201 },
  async (caller, { poolId }, input) => (await recordPledge(poolsTable, caller, poolId, input)) satisfies View<typeof views.pledge>,
);
