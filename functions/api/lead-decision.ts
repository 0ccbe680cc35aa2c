import { leadDecision } from '../../shared/app/rounds';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { leadDecisionBody, roundIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { roundId } = parse(roundIdPath, event.pathParameters ?? {}, 'path');
  return { status: 202, body: await leadDecision(deps, caller, roundId, parse(leadDecisionBody, jsonBody(event), 'body')) };
});
