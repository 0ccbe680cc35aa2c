import { allocateDirect } from '../../shared/pools/awards';
import { poolsTable } from '../../shared/pools/aws';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { allocationRequest, poolIdPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { poolId } = parse(poolIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await allocateDirect(poolsTable, caller, poolId, parse(allocationRequest, jsonBody(event), 'body'))) satisfies View<
      typeof views.awardedGrant
    >,
  };
});
