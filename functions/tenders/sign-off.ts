import { workflows } from '../../shared/platform/aws/workflows';
import { tendersTable } from '../../shared/tenders/aws';
import { signOff } from '../../shared/tenders/sign-off';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { tenderIdPath } from './paths';
import { signOffBody } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await signOff({ ...tendersTable, workflows }, caller, tenderId, parse(signOffBody, jsonBody(event), 'body'))) satisfies View<
      typeof views.signOffTally
    >,
  };
});
