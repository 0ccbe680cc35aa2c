import { closeRound } from '../../shared/app/rounds';
import { deps } from '../lib/deps';
import { parse, staffRoute } from '../lib/http';
import { roundIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { roundId } = parse(roundIdPath, event.pathParameters ?? {}, 'path');
  return { status: 202, body: await closeRound(deps, caller, roundId) };
});
