import { workflows } from '../../shared/platform/aws/workflows';
import { poolsTable } from '../../shared/pools/aws';
import { closeRound } from '../../shared/pools/rounds';
import { staffRoute } from '../consortia/staff';
import { parse } from '../lib/http';
import { roundIdPath } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { roundId } = parse(roundIdPath, event.pathParameters ?? {}, 'path');
  return { status: 202, body: await closeRound({ ...poolsTable, workflows }, caller, roundId) };
});
