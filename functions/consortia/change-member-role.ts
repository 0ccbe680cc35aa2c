import { consortiaTable } from '../../shared/consortia/aws';
import { changeMemberRole } from '../../shared/consortia/staff';
import type { View } from '../lib/api';
import { memberPath, memberRole } from './schemas';
import { staffCommand } from './staff';
import type * as views from './views';

export const handler = staffCommand(
  { path: memberPath, body: memberRole },
  async (caller, { orgId, userId }, input) =>
    (await changeMemberRole(consortiaTable, caller, orgId, userId, input)) satisfies View<typeof views.membership>,
);
