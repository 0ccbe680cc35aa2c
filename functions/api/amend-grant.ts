import { amend } from '../../shared/app/grants';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { amendment, grantIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await amend(deps, caller, grantId, parse(amendment, jsonBody(event), 'body')) };
});
