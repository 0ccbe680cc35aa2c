import { decide } from '../../shared/app/grants';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { conditionDecision, conditionPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { grantId, conditionId } = parse(conditionPath, event.pathParameters ?? {}, 'path');
  return { body: await decide(deps, caller, grantId, conditionId, parse(conditionDecision, jsonBody(event), 'body')) };
});
