import { getOrganisation } from '../../shared/app/organisations';
import { deps } from '../lib/deps';
import { parse, staffRoute } from '../lib/http';
import { orgIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { orgId } = parse(orgIdPath, event.pathParameters ?? {}, 'path');
  return { body: await getOrganisation(deps, caller, orgId) };
});
