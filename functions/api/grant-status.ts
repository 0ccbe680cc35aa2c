import { changeStatus } from '../../shared/app/grants';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { grantIdPath, grantStatusChange } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return { body: await changeStatus(deps, caller, grantId, parse(grantStatusChange, jsonBody(event), 'body')) };
});
