import { poolsTable } from '../../shared/pools/aws';
import { freeRiders } from '../../shared/pools/free-riders';
import { staffRoute } from '../consortia/staff';
import { parse } from '../lib/http';
import { consortiumIdPath } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return { body: await freeRiders(poolsTable, caller, consortiumId) };
});
