import { poolsTable } from '../../shared/pools/aws';
import { funderStatement, funderStatementCsv } from '../../shared/pools/statements';
import { staffViewOrCsv } from '../consortia/staff';
import type { View } from '../lib/api';
import { funderStatementPath } from './schemas';
import type * as views from './views';

export const handler = staffViewOrCsv(
  { path: funderStatementPath, csv: funderStatementCsv, filename: ({ orgId }) => `statement-${orgId}.csv` },
  async (caller, { poolId, orgId }) =>
    (await funderStatement(poolsTable, caller, poolId, orgId)) satisfies View<typeof views.funderStatement>,
);
