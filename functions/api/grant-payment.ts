import { moveGrantMoney } from '../../shared/app/pools';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { grantIdPath, moneyMovement } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await moveGrantMoney(deps, caller, grantId, 'payment', parse(moneyMovement, jsonBody(event), 'body')) };
});
