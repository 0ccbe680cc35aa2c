import { vote } from '../../shared/app/rounds';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { newVote, roundIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { roundId } = parse(roundIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await vote(deps, caller, roundId, parse(newVote, jsonBody(event), 'body')) };
});
