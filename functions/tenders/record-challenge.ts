import { recordChallenge } from '../../shared/tenders/award';
import { tendersTable } from '../../shared/tenders/aws';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { tenderIdPath } from './paths';
import { challengeBody } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await recordChallenge(tendersTable, caller, tenderId, parse(challengeBody, jsonBody(event), 'body'))) satisfies View<
      typeof views.tender
    >,
  };
});
