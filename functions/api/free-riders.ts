import { freeRiders } from '../../shared/app/statements';
import { deps } from '../lib/deps';
import { parse, staffRoute } from '../lib/http';
import { consortiumIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return { body: await freeRiders(deps, caller, consortiumId) };
});
