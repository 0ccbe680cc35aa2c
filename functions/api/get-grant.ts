import { grantDetail } from '../../shared/app/grants';
import { deps } from '../lib/deps';
import { parse, staffRoute } from '../lib/http';
import { grantIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return { body: await grantDetail(deps, caller, grantId) };
});
