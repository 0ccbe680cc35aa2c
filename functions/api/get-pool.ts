import { poolSummary } from '../../shared/app/statements';
import { deps } from '../lib/deps';
import { parse, staffRoute } from '../lib/http';
import { poolIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { poolId } = parse(poolIdPath, event.pathParameters ?? {}, 'path');
  return { body: await poolSummary(deps, caller, poolId) };
});
