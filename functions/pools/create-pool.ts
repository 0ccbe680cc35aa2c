import { poolsTable } from '../../shared/pools/aws';
import { createPool } from '../../shared/pools/pools';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { consortiumIdPath, newPool } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await createPool(poolsTable, caller, consortiumId, parse(newPool, jsonBody(event), 'body'))) satisfies View<typeof views.pool>,
  };
});
