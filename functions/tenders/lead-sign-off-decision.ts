import { workflows } from '../../shared/platform/aws/workflows';
import { tendersTable } from '../../shared/tenders/aws';
import { leadSignOffDecision } from '../../shared/tenders/sign-off';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { tenderIdPath } from './paths';
import { leadDecisionBody } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return {
    body: (await leadSignOffDecision(
      { ...tendersTable, workflows },
      caller,
      tenderId,
      parse(leadDecisionBody, jsonBody(event), 'body'),
    )) satisfies View<typeof views.leadSignOff>,
  };
});
