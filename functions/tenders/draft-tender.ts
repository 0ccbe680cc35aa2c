import { tendersTable } from '../../shared/tenders/aws';
import { draftTender } from '../../shared/tenders/tenders';
import { staffRoute } from '../consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { consortiumIdPath, newTender } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await draftTender(tendersTable, caller, consortiumId, parse(newTender, jsonBody(event), 'body')) };
});
