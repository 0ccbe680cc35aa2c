import { workflows } from '../../shared/platform/aws/workflows';
import { poolsTable } from '../../shared/pools/aws';
import { vote } from '../../shared/pools/rounds';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { newVote, roundIdPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { roundId } = parse(roundIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await vote({ ...poolsTable, workflows }, caller, roundId, parse(newVote, jsonBody(event), 'body'))) satisfies View<
      typeof views.voteCast
    >,
  };
});
