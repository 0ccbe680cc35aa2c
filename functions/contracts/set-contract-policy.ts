import { contractsTable } from '../../shared/contracts/aws';
import { setContractPolicy } from '../../shared/contracts/contracts';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { orgIdPath } from './paths';
import { policyBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: orgIdPath, body: policyBody },
  async (caller, { orgId }, input) =>
    (await setContractPolicy(contractsTable, caller, orgId, input)) satisfies View<typeof views.policySet>,
);
