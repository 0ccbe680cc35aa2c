import { consortiaTable } from '../../shared/consortia/aws';
import { changeMemberRole } from '../../shared/consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { memberPath, memberRole } from './schemas';
import { staffRoute } from './staff';

export const handler = staffRoute(async (event, caller) => {
  const { orgId, userId } = parse(memberPath, event.pathParameters ?? {}, 'path');
  const input = parse(memberRole, jsonBody(event), 'body');
  return { body: await changeMemberRole(consortiaTable, caller, orgId, userId, input) };
});
