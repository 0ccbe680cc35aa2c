import { workflows } from '../../shared/platform/aws/workflows';
import { poolsTable } from '../../shared/pools/aws';
import { vote } from '../../shared/pools/rounds';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { newVote, roundIdPath } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: roundIdPath, body: newVote, status: 201 },
  async (caller, { roundId }, input) =>
    (await vote({ ...poolsTable, workflows }, caller, roundId, input)) satisfies View<typeof views.voteCast>,
);
