import { createOrganisation } from '../../shared/app/organisations';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { newOrganisation } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const input = parse(newOrganisation, jsonBody(event), 'body');
  return { status: 201, body: await createOrganisation(deps, caller, input) };
});
