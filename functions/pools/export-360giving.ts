import { poolsTable } from '../../shared/pools/aws';
import { export360Giving } from '../../shared/pools/giving360';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { poolIdPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { poolId } = parse(poolIdPath, event.pathParameters ?? {}, 'path');
  return { body: (await export360Giving(poolsTable, caller, poolId)) satisfies View<typeof views.giving360> };
});
