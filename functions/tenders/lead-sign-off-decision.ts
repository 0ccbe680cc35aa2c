import { workflows } from '../../shared/platform/aws/workflows';
import { tendersTable } from '../../shared/tenders/aws';
import { leadSignOffDecision } from '../../shared/tenders/sign-off';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { tenderIdPath } from './paths';
import { leadDecisionBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: tenderIdPath, body: leadDecisionBody },
  async (caller, { tenderId }, input) =>
    (await leadSignOffDecision({ ...tendersTable, workflows }, caller, tenderId, input)) satisfies View<typeof views.leadSignOff>,
);
