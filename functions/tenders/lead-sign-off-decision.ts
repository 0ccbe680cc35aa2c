import { workflows } from '../../shared/platform/aws/workflows';
import { tendersTable } from '../../shared/tenders/aws';
import { leadSignOffDecision } from '../../shared/tenders/sign-off';
import { staffRoute } from '../consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { tenderIdPath } from './paths';
import { leadDecisionBody } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return {
    body: await leadSignOffDecision({ ...tendersTable, workflows }, caller, tenderId, parse(leadDecisionBody, jsonBody(event), 'body')),
  };
});
