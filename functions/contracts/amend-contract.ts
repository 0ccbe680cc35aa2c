import { amend } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { contractIdPath } from './paths';
import { amendmentBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: contractIdPath, body: amendmentBody, status: 201 },
  async (caller, { contractId }, input) => (await amend(contractsTable, caller, contractId, input)) satisfies View<typeof views.contract>,
);
