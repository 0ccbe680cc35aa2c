import { workflows } from '../../shared/platform/aws/workflows';
import { tendersTable } from '../../shared/tenders/aws';
import { signOff } from '../../shared/tenders/sign-off';
import { staffRoute } from '../consortia/staff';
import { jsonBody, parse } from '../lib/http';
import { tenderIdPath } from './paths';
import { signOffBody } from './schemas';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: await signOff({ ...tendersTable, workflows }, caller, tenderId, parse(signOffBody, jsonBody(event), 'body')),
  };
});
