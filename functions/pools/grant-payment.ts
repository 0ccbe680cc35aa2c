import { poolsTable } from '../../shared/pools/aws';
import { moveGrantMoney } from '../../shared/pools/payments';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { grantIdPath, moneyMovement } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: grantIdPath, body: moneyMovement, status: 201 },
  async (caller, { grantId }, input) =>
    (await moveGrantMoney(poolsTable, caller, grantId, 'payment', input)) satisfies View<typeof views.moneyMoved>,
);
