import { consortiaTable } from '../../shared/consortia/aws';
import { changeMemberRole } from '../../shared/consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { memberPath, memberRole } from './schemas';
import { staffRoute } from './staff';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { orgId, userId } = parse(memberPath, event.pathParameters ?? {}, 'path');
  const input = parse(memberRole, jsonBody(event), 'body');
  return { body: (await changeMemberRole(consortiaTable, caller, orgId, userId, input)) satisfies View<typeof views.membership> };
});
