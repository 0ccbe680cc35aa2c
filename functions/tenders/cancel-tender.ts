import { workflows } from '../../shared/platform/aws/workflows';
import { cancelTender } from '../../shared/tenders/award';
import { tenderMoney, tendersTable } from '../../shared/tenders/aws';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { tenderIdPath } from './paths';
import { cancelBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: tenderIdPath, body: cancelBody },
  async (caller, { tenderId }, input) =>
    (await cancelTender({ ...tendersTable, ...tenderMoney, workflows }, caller, tenderId, input)) satisfies View<typeof views.cancelled>,
);
