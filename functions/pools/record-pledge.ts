import { poolsTable } from '../../shared/pools/aws';
import { recordPledge } from '../../shared/pools/pools';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { newPledge, poolIdPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { poolId } = parse(poolIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await recordPledge(poolsTable, caller, poolId, parse(newPledge, jsonBody(event), 'body'))) satisfies View<typeof views.pledge>,
  };
});
