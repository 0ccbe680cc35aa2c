import { getGrant } from '../../shared/app/pools';
import { deps } from '../lib/deps';
import { parse, staffRoute } from '../lib/http';
import { grantIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return { body: await getGrant(deps, caller, grantId) };
});
