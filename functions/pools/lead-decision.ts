import { workflows } from '../../shared/platform/aws/workflows';
import { poolsTable } from '../../shared/pools/aws';
import { leadDecision } from '../../shared/pools/rounds';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { leadDecisionBody, roundIdPath } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: roundIdPath, body: leadDecisionBody, status: 202 },
  async (caller, { roundId }, input) =>
    (await leadDecision({ ...poolsTable, workflows }, caller, roundId, input)) satisfies View<typeof views.leadDecided>,
);
