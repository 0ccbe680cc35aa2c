import { poolsTable } from '../../shared/pools/aws';
import { moveGrantMoney } from '../../shared/pools/payments';
import { staffRoute } from '../consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { grantIdPath, moneyMovement } from './schemas';

/** Money paid on a grant comes back to the pool (underspend or clawback). */
export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await moveGrantMoney(poolsTable, caller, grantId, 'return', parse(moneyMovement, jsonBody(event), 'body')) };
});
