import { poolsTable } from '../../shared/pools/aws';
import { openRound } from '../../shared/pools/rounds';
import { staffRoute } from '../consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { newRound, poolIdPath } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { poolId } = parse(poolIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await openRound(poolsTable, caller, poolId, parse(newRound, jsonBody(event), 'body')) };
});
