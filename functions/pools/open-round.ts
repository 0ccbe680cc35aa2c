import { poolsTable } from '../../shared/pools/aws';
import { openRound } from '../../shared/pools/rounds';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { newRound, poolIdPath } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: poolIdPath, body: newRound, status: 201 },
  async (caller, { poolId }, input) => (await openRound(poolsTable, caller, poolId, input)) satisfies View<typeof views.round>,
);
