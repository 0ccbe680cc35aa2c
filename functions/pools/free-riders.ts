import { poolsTable } from '../../shared/pools/aws';
import { freeRiders } from '../../shared/pools/free-riders';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { consortiumIdPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return { body: (await freeRiders(poolsTable, caller, consortiumId)) satisfies View<typeof views.freeRiders> };
});
