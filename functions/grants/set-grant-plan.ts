import { grantsTable } from '../../shared/grants/aws';
import { setPlan } from '../../shared/grants/plan';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { grantIdPath, grantPlan } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: grantIdPath, body: grantPlan, status: 201 },
  async (caller, { grantId }, input) => (await setPlan(grantsTable, caller, grantId, input)) satisfies View<typeof views.grantDetail>,
);
