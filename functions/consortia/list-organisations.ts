import { consortiaTable } from '../../shared/consortia/aws';
import { listOrganisations } from '../../shared/consortia/organisations';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { listOrganisationsQuery } from './schemas';
import { staffRoute } from './staff';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { kind } = parse(listOrganisationsQuery, event.queryStringParameters ?? {}, 'query');
  return { body: { organisations: await listOrganisations(consortiaTable, caller, kind) } satisfies View<typeof views.organisations> };
});
