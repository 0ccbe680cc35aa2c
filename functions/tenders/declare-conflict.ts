import { tendersTable } from '../../shared/tenders/aws';
import { declareConflict } from '../../shared/tenders/evaluation';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { tenderIdPath } from './paths';
import { conflictBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: tenderIdPath, body: conflictBody, status: 201 },
  async (caller, { tenderId }, input) => (await declareConflict(tendersTable, caller, tenderId, input)) satisfies View<typeof views.tender>,
);
