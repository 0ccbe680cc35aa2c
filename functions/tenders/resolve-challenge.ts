import { workflows } from '../../shared/platform/aws/workflows';
import { resolveChallenge } from '../../shared/tenders/award';
import { tendersTable } from '../../shared/tenders/aws';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { challengePath } from './paths';
import { resolutionBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: challengePath, body: resolutionBody },
  async (caller, { tenderId, challengeId }, input) =>
    (await resolveChallenge({ ...tendersTable, workflows }, caller, tenderId, challengeId, input)) satisfies View<
      typeof views.challengeResolved
    >,
);
