import { amend } from '../../shared/grants/amendments';
import { grantsTable } from '../../shared/grants/aws';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { amendment, grantIdPath } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: grantIdPath, body: amendment, status: 201 },
  async (caller, { grantId }, input) => (await amend(grantsTable, caller, grantId, input)) satisfies View<typeof views.amendment>,
);
