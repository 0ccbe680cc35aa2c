import { addMember } from '../../shared/app/organisations';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { newMember, orgIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { orgId } = parse(orgIdPath, event.pathParameters ?? {}, 'path');
  const input = parse(newMember, jsonBody(event), 'body');
  return { status: 201, body: await addMember(deps, caller, orgId, input) };
});
