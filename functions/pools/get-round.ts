import { poolsTable } from '../../shared/pools/aws';
import { getRound } from '../../shared/pools/rounds';
import { staffRoute } from '../consortia/staff';
import { parse } from '../lib/http';
import { roundIdPath } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { roundId } = parse(roundIdPath, event.pathParameters ?? {}, 'path');
  return { body: await getRound(poolsTable, caller, roundId) };
});
