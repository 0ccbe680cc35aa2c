import { consortiaTable } from '../../shared/consortia/aws';
import { addMember } from '../../shared/consortia/organisations';
import { jsonBody, parse } from '../lib/http';
import { newMember, orgIdPath } from './schemas';
import { staffRoute } from './staff';

export const handler = staffRoute(async (event, caller) => {
  const { orgId } = parse(orgIdPath, event.pathParameters ?? {}, 'path');
  const input = parse(newMember, jsonBody(event), 'body');
  return { status: 201, body: await addMember(consortiaTable, caller, orgId, input) };
});
