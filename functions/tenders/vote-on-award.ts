import { workflows } from '../../shared/platform/aws/workflows';
import { voteOnAward } from '../../shared/tenders/award';
import { tendersTable } from '../../shared/tenders/aws';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { tenderIdPath } from './paths';
import { awardVoteBody } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await voteOnAward(
      { ...tendersTable, workflows },
      caller,
      tenderId,
      parse(awardVoteBody, jsonBody(event), 'body'),
    )) satisfies View<typeof views.awardVote>,
  };
});
