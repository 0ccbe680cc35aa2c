import { workflows } from '../../shared/platform/aws/workflows';
import { resolveChallenge } from '../../shared/tenders/award';
import { tendersTable } from '../../shared/tenders/aws';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { challengePath } from './paths';
import { resolutionBody } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId, challengeId } = parse(challengePath, event.pathParameters ?? {}, 'path');
  return {
    body: (await resolveChallenge(
      { ...tendersTable, workflows },
      caller,
      tenderId,
      challengeId,
      parse(resolutionBody, jsonBody(event), 'body'),
    )) satisfies View<typeof views.challengeResolved>,
  };
});
