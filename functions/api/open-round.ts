import { openRound } from '../../shared/app/rounds';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { newRound, poolIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { poolId } = parse(poolIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await openRound(deps, caller, poolId, parse(newRound, jsonBody(event), 'body')) };
});
