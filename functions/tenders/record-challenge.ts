import { recordChallenge } from '../../shared/tenders/award';
import { tendersTable } from '../../shared/tenders/aws';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { tenderIdPath } from './paths';
import { challengeBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: tenderIdPath, body: challengeBody, status: 201 },
  async (caller, { tenderId }, input) => (await recordChallenge(tendersTable, caller, tenderId, input)) satisfies View<typeof views.tender>,
);
