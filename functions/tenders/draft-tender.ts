import { readPool } from '../../shared/pools/dynamodb-pool-reader';
import { tendersTable } from '../../shared/tenders/aws';
import { draftTender } from '../../shared/tenders/drafting';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { consortiumIdPath } from './paths';
import { newTender } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: consortiumIdPath, body: newTender, status: 201 },
  async (caller, { consortiumId }, input) =>
    (await draftTender({ ...tendersTable, pools: { getPool: readPool } }, caller, consortiumId, input)) satisfies View<typeof views.tender>,
);
