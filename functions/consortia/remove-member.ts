import { consortiaTable } from '../../shared/consortia/aws';
import { removeMember } from '../../shared/consortia/staff';
import { parse } from '../lib/http';
import { memberPath } from './schemas';
import { staffRoute } from './staff';

export const handler = staffRoute(async (event, caller) => {
  const { orgId, userId } = parse(memberPath, event.pathParameters ?? {}, 'path');
  return { body: await removeMember(consortiaTable, caller, orgId, userId) };
});
