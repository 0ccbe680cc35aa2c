import { poolsTable } from '../../shared/pools/aws';
import { ledgerCsv, ledgerView } from '../../shared/pools/ledger-view';
import { staffViewOrCsv } from '../consortia/staff';
import type { View } from '../lib/api';
import { poolIdPath } from './schemas';
import type * as views from './views';

export const handler = staffViewOrCsv(
  { path: poolIdPath, csv: ledgerCsv, filename: ({ poolId }) => `ledger-${poolId}.csv` },
  async (caller, { poolId }) => (await ledgerView(poolsTable, caller, poolId)) satisfies View<typeof views.ledger>,
);
