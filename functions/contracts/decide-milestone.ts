import { decide } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { milestonePath } from './paths';
import { decisionBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: milestonePath, body: decisionBody },
  async (caller, { contractId, milestoneId }, input) =>
    (await decide(contractsTable, caller, contractId, milestoneId, input)) satisfies View<typeof views.contract>,
);
