import { consortiaTable } from '../../shared/consortia/aws';
import { getOrganisation } from '../../shared/consortia/organisations';
import { parse } from '../lib/http';
import { orgIdPath } from './schemas';
import { staffRoute } from './staff';

export const handler = staffRoute(async (event, caller) => {
  const { orgId } = parse(orgIdPath, event.pathParameters ?? {}, 'path');
  return { body: await getOrganisation(consortiaTable, caller, orgId) };
});
