import { grantsTable } from '../../shared/grants/aws';
import { setReportingPolicy } from '../../shared/grants/reporting-policy';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { consortiumIdPath, reportingPolicy } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: consortiumIdPath, body: reportingPolicy },
  async (caller, { consortiumId }, input) =>
    (await setReportingPolicy(grantsTable, caller, consortiumId, input)) satisfies View<typeof views.policySet>,
);
