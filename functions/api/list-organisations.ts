import { listOrganisations } from '../../shared/app/organisations';
import { deps } from '../lib/deps';
import { parse, staffRoute } from '../lib/http';
import { listOrganisationsQuery } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { kind } = parse(listOrganisationsQuery, event.queryStringParameters ?? {}, 'query');
  return { body: { organisations: await listOrganisations(deps, caller, kind) } };
});
