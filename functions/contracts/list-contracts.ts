import { contractsTable } from '../../shared/contracts/aws';
import { councilContracts } from '../../shared/contracts/views';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { contractsQuery, orgIdPath } from './paths';
import type * as views from './views';

/** GET /councils/{orgId}/contracts?status=&supplier=: the worst RAG first. */
export const handler = staffRoute(async (event, caller) => {
  const { orgId } = parse(orgIdPath, event.pathParameters ?? {}, 'path');
  const filter = parse(contractsQuery, event.queryStringParameters ?? {}, 'query');
  return { body: (await councilContracts(contractsTable, caller, orgId, filter)) satisfies View<typeof views.councilContracts> };
});
