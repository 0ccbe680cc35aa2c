import { tendersTable } from '../../shared/tenders/aws';
import { moderate } from '../../shared/tenders/evaluation';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { tenderIdPath } from './paths';
import { moderationBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: tenderIdPath, body: moderationBody, status: 201 },
  async (caller, { tenderId }, input) => (await moderate(tendersTable, caller, tenderId, input)) satisfies View<typeof views.tender>,
);
