import { allocateDirect } from '../../shared/app/pools';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { allocationRequest, poolIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { poolId } = parse(poolIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await allocateDirect(deps, caller, poolId, parse(allocationRequest, jsonBody(event), 'body')) };
});
