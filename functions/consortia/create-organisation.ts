import { consortiaTable } from '../../shared/consortia/aws';
import { createOrganisation } from '../../shared/consortia/organisations';
import { jsonBody, parse } from '../lib/http';
import { newOrganisation } from './schemas';
import { staffRoute } from './staff';

export const handler = staffRoute(async (event, caller) => {
  const input = parse(newOrganisation, jsonBody(event), 'body');
  return { status: 201, body: await createOrganisation(consortiaTable, caller, input) };
});
