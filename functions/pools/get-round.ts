import { poolsTable } from '../../shared/pools/aws';
import { getRound } from '../../shared/pools/rounds';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { roundIdPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { roundId } = parse(roundIdPath, event.pathParameters ?? {}, 'path');
  return { body: (await getRound(poolsTable, caller, roundId)) satisfies View<typeof views.roundDetail> };
});
