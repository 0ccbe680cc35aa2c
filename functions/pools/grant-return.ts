import { poolsTable } from '../../shared/pools/aws';
import { moveGrantMoney } from '../../shared/pools/payments';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { grantIdPath, moneyMovement } from './schemas';
import type * as views from './views';

/** Money paid on a grant comes back to the pool (underspend or clawback). */
export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await moveGrantMoney(poolsTable, caller, grantId, 'return', parse(moneyMovement, jsonBody(event), 'body'))) satisfies View<
      typeof views.moneyMoved
    >,
  };
});
