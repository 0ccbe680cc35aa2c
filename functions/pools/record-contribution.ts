import { poolsTable } from '../../shared/pools/aws';
import { recordContribution } from '../../shared/pools/pools';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { newContribution, pledgePath } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: pledgePath, body: newContribution, status: 201 },
  async (caller, { poolId, pledgeId }, input) =>
    (await recordContribution(poolsTable, caller, poolId, pledgeId, input)) satisfies View<typeof views.contribution>,
);
