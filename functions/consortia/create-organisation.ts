import { consortiaTable } from '../../shared/consortia/aws';
import { createOrganisation } from '../../shared/consortia/organisations';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { newOrganisation } from './schemas';
import { staffRoute } from './staff';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const input = parse(newOrganisation, jsonBody(event), 'body');
  return { status: 201, body: (await createOrganisation(consortiaTable, caller, input)) satisfies View<typeof views.organisation> };
});
