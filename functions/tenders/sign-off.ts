import { workflows } from '../../shared/platform/aws/workflows';
import { tendersTable } from '../../shared/tenders/aws';
import { signOff } from '../../shared/tenders/sign-off';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { tenderIdPath } from './paths';
import { signOffBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: tenderIdPath, body: signOffBody, status: 201 },
  async (caller, { tenderId }, input) =>
    (await signOff({ ...tendersTable, workflows }, caller, tenderId, input)) satisfies View<typeof views.signOffTally>,
);
