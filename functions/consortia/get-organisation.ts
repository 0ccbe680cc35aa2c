import { consortiaTable } from '../../shared/consortia/aws';
import { getOrganisation } from '../../shared/consortia/organisations';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { orgIdPath } from './schemas';
import { staffRoute } from './staff';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { orgId } = parse(orgIdPath, event.pathParameters ?? {}, 'path');
  return { body: (await getOrganisation(consortiaTable, caller, orgId)) satisfies View<typeof views.organisationDetail> };
});
