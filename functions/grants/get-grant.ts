import { grantsTable } from '../../shared/grants/aws';
import { grantDetail } from '../../shared/grants/plan';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { grantIdPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return { body: (await grantDetail(grantsTable, caller, grantId)) satisfies View<typeof views.grantDetail> };
});
