import { grantsTable } from '../../shared/grants/aws';
import { setPlan } from '../../shared/grants/plan';
import { staffRoute } from '../consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { grantIdPath, grantPlan } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { grantId } = parse(grantIdPath, event.pathParameters ?? {}, 'path');
  return { status: 201, body: await setPlan(grantsTable, caller, grantId, parse(grantPlan, jsonBody(event), 'body')) };
});
