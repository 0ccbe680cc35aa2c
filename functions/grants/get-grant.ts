import { grantsTable } from '../../shared/grants/aws';
import { grantDetail } from '../../shared/grants/plan';
import { staffRoute } from '../consortia/staff';
import { parse } from '../lib/http';
import { grantIdPath } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return { body: await grantDetail(grantsTable, caller, grantId) };
});
