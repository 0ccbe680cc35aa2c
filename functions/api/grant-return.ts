import { moveGrantMoney } from '../../shared/app/pools';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { grantIdPath, moneyMovement } from '../lib/schemas';

/** Money paid on a grant comes back to the pool (underspend or clawback). */
export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await moveGrantMoney(deps, caller, grantId, 'return', parse(moneyMovement, jsonBody(event), 'body')) };
});
