import { tendersTable } from '../../shared/tenders/aws';
import { listTenders } from '../../shared/tenders/tenders';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { consortiumIdPath } from './paths';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return { body: (await listTenders(tendersTable, caller, consortiumId)) satisfies View<typeof views.tenders> };
});
