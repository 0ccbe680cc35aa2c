import { createPool } from '../../shared/app/pools';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { consortiumIdPath, newPool } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await createPool(deps, caller, consortiumId, parse(newPool, jsonBody(event), 'body')) };
});
