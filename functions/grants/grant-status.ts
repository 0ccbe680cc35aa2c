import { changeStatus } from '../../shared/grants/amendments';
import { grantsTable } from '../../shared/grants/aws';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { grantIdPath, grantStatusChange } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: grantIdPath, body: grantStatusChange },
  async (caller, { grantId }, input) =>
    (await changeStatus(grantsTable, caller, grantId, input)) satisfies View<typeof views.statusChanged>,
);
