import { consortiaTable } from '../../shared/consortia/aws';
import { setGiving360Prefix } from '../../shared/consortia/organisations';
import type { View } from '../lib/api';
import { giving360Prefix, orgIdPath } from './schemas';
import { staffCommand } from './staff';
import type * as views from './views';

export const handler = staffCommand(
  { path: orgIdPath, body: giving360Prefix },
  async (caller, { orgId }, input) =>
    (await setGiving360Prefix(consortiaTable, caller, orgId, input)) satisfies View<typeof views.giving360PrefixSet>,
);
