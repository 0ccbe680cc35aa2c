import { workflows } from '../../shared/platform/aws/workflows';
import { voteOnAward } from '../../shared/tenders/award';
import { tendersTable } from '../../shared/tenders/aws';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { tenderIdPath } from './paths';
import { awardVoteBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: tenderIdPath, body: awardVoteBody, status: 201 },
  async (caller, { tenderId }, input) =>
    (await voteOnAward({ ...tendersTable, workflows }, caller, tenderId, input)) satisfies View<typeof views.awardVote>,
);
