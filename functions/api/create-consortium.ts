import { createConsortium } from '../../shared/app/consortia';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { newConsortium } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const input = parse(newConsortium, jsonBody(event), 'body');
  return { status: 201, body: await createConsortium(deps, caller, input) };
});
