import { rate } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { kpiPath } from './paths';
import { ratingBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: kpiPath, body: ratingBody, status: 201 },
  async (caller, { contractId, kpiId }, input) =>
    (await rate(contractsTable, caller, contractId, kpiId, input)) satisfies View<typeof views.contract>,
);
