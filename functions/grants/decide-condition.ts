import { grantsTable } from '../../shared/grants/aws';
import { decide } from '../../shared/grants/conditions';
import { workflows } from '../../shared/platform/aws/workflows';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { conditionDecision, conditionPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { grantId, conditionId } = parse(conditionPath, event.pathParameters ?? {}, 'path');
  const input = parse(conditionDecision, jsonBody(event), 'body');
  return {
    body: (await decide({ ...grantsTable, workflows }, caller, grantId, conditionId, input)) satisfies View<typeof views.condition>,
  };
});
