import { tendersTable } from '../../shared/tenders/aws';
import { listTenders } from '../../shared/tenders/tenders';
import { staffRoute } from '../consortia/staff';
import { parse } from '../lib/http';
import { consortiumIdPath } from './paths';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return { body: await listTenders(tendersTable, caller, consortiumId) };
});
