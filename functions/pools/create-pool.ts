import { poolsTable } from '../../shared/pools/aws';
import { createPool } from '../../shared/pools/pools';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { consortiumIdPath, newPool } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: consortiumIdPath, body: newPool, status: 201 },
  async (caller, { consortiumId }, input) => (await createPool(poolsTable, caller, consortiumId, input)) satisfies View<typeof views.pool>,
);
