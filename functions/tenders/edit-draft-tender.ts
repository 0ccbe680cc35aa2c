import { readPool } from '../../shared/pools/dynamodb-pool-reader';
import { tendersTable } from '../../shared/tenders/aws';
import { editDraftTender } from '../../shared/tenders/drafting';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { tenderIdPath } from './paths';
import { newTender } from './schemas';
import type * as views from './views';

/** The whole draft again, in the shape it was drafted in: a refused tender is changed here and sent for sign-off again. */
export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return {
    body: (await editDraftTender(
      { ...tendersTable, pools: { getPool: readPool } },
      caller,
      tenderId,
      parse(newTender, jsonBody(event), 'body'),
    )) satisfies View<typeof views.tender>,
  };
});
