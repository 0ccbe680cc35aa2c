import { readPool } from '../../shared/pools/dynamodb-pool-reader';
import { tendersTable } from '../../shared/tenders/aws';
import { editDraftTender } from '../../shared/tenders/drafting';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { tenderIdPath } from './paths';
import { newTender } from './schemas';
import type * as views from './views';

/** The whole draft again, in the shape it was drafted in: a refused tender is changed here and sent for sign-off again. */
export const handler = staffCommand(
  { path: tenderIdPath, body: newTender },
  async (caller, { tenderId }, input) =>
    (await editDraftTender({ ...tendersTable, pools: { getPool: readPool } }, caller, tenderId, input)) satisfies View<typeof views.tender>,
);
