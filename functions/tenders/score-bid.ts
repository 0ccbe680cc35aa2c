import { tendersTable } from '../../shared/tenders/aws';
import { scoreBid } from '../../shared/tenders/evaluation';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { tenderIdPath } from './paths';
import { scoreBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: tenderIdPath, body: scoreBody, status: 201 },
  async (caller, { tenderId }, input) => (await scoreBid(tendersTable, caller, tenderId, input)) satisfies View<typeof views.tender>,
);
