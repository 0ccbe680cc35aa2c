import { consortiaTable } from '../../shared/consortia/aws';
import { removeMember } from '../../shared/consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { memberPath } from './schemas';
import { staffRoute } from './staff';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { orgId, userId } = parse(memberPath, event.pathParameters ?? {}, 'path');
  return { body: (await removeMember(consortiaTable, caller, orgId, userId)) satisfies View<typeof views.memberRemoved> };
});
