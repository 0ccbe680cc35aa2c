import { consortiaTable } from '../../shared/consortia/aws';
import { addMember } from '../../shared/consortia/organisations';
import type { View } from '../lib/api';
import { newMember, orgIdPath } from './schemas';
import { staffCommand } from './staff';
import type * as views from './views';

export const handler = staffCommand(
  { path: orgIdPath, body: newMember, status: 201 },
  async (caller, { orgId }, input) => (await addMember(consortiaTable, caller, orgId, input)) satisfies View<typeof views.memberAdded>,
);
