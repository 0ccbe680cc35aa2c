import { consortiaTable } from '../../shared/consortia/aws';
import { getConsortium } from '../../shared/consortia/consortia';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { consortiumIdPath } from './schemas';
import { staffRoute } from './staff';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return { body: (await getConsortium(consortiaTable, caller, consortiumId)) satisfies View<typeof views.consortiumDetail> };
});
