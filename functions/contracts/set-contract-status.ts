import { setStatus } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { contractIdPath } from './paths';
import { statusBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: contractIdPath, body: statusBody },
  async (caller, { contractId }, input) =>
    (await setStatus(contractsTable, caller, contractId, input)) satisfies View<typeof views.contract>,
);
