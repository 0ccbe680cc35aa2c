import { workflows } from '../../shared/platform/aws/workflows';
import { poolsTable } from '../../shared/pools/aws';
import { leadDecision } from '../../shared/pools/rounds';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { leadDecisionBody, roundIdPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { roundId } = parse(roundIdPath, event.pathParameters ?? {}, 'path');
  const input = parse(leadDecisionBody, jsonBody(event), 'body');
  return {
    status: 202,
    body: (await leadDecision({ ...poolsTable, workflows }, caller, roundId, input)) satisfies View<typeof views.leadDecided>,
  };
});
