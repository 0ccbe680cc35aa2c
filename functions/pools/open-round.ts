import { poolsTable } from '../../shared/pools/aws';
import { openRound } from '../../shared/pools/rounds';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { newRound, poolIdPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { poolId } = parse(poolIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await openRound(poolsTable, caller, poolId, parse(newRound, jsonBody(event), 'body'))) satisfies View<typeof views.round>,
  };
});
