import { recordContribution } from '../../shared/app/pools';
import { deps } from '../lib/deps';
import { jsonBody, parse, staffRoute } from '../lib/http';
import { newContribution, pledgePath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { poolId, pledgeId } = parse(pledgePath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await recordContribution(deps, caller, poolId, pledgeId, parse(newContribution, jsonBody(event), 'body')) };
});
