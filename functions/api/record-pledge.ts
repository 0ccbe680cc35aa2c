import { recordPledge } from '../../shared/app/pools';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { newPledge, poolIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { poolId } = parse(poolIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await recordPledge(deps, caller, poolId, parse(newPledge, jsonBody(event), 'body')) };
});
