import { grantsTable } from '../../shared/grants/aws';
import { setPlan } from '../../shared/grants/plan';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { grantIdPath, grantPlan } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await setPlan(grantsTable, caller, grantId, parse(grantPlan, jsonBody(event), 'body'))) satisfies View<typeof views.grantDetail>,
  };
});
