import { setPlan } from '../../shared/app/grants';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { grantIdPath, grantPlan } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await setPlan(deps, caller, grantId, parse(grantPlan, jsonBody(event), 'body')) };
});
