import { poolsTable } from '../../shared/pools/aws';
import { recordContribution } from '../../shared/pools/pools';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { newContribution, pledgePath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { poolId, pledgeId } = parse(pledgePath, event.pathParameters ?? {}, 'path');
  const input = parse(newContribution, jsonBody(event), 'body');
  return {
    status: 201,
    body: (await recordContribution(poolsTable, caller, poolId, pledgeId, input)) satisfies View<typeof views.contribution>,
  };
});
