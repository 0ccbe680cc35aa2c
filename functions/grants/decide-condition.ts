import { grantsTable } from '../../shared/grants/aws';
import { decide } from '../../shared/grants/conditions';
import { workflows } from '../../shared/platform/aws/workflows';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { conditionDecision, conditionPath } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: conditionPath, body: conditionDecision },
  async (caller, { grantId, conditionId }, input) =>
    (await decide({ ...grantsTable, workflows }, caller, grantId, conditionId, input)) satisfies View<typeof views.condition>,
);
