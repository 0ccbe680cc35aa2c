import { workflows } from '../../shared/platform/aws/workflows';
import { poolsTable } from '../../shared/pools/aws';
import { vote } from '../../shared/pools/rounds';
import { staffRoute } from '../consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { newVote, roundIdPath } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { roundId } = parse(roundIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await vote({ ...poolsTable, workflows }, caller, roundId, parse(newVote, jsonBody(event), 'body')) };
});
