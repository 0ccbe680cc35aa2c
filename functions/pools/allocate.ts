import { allocateDirect } from '../../shared/pools/awards';
import { poolsTable } from '../../shared/pools/aws';
import { staffRoute } from '../consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { allocationRequest, poolIdPath } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { poolId } = parse(poolIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await allocateDirect(poolsTable, caller, poolId, parse(allocationRequest, jsonBody(event), 'body')) };
});
