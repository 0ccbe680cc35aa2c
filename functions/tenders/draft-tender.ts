import { readPool } from '../../shared/pools/dynamodb-pool-reader';
import { tendersTable } from '../../shared/tenders/aws';
import { draftTender } from '../../shared/tenders/drafting';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { consortiumIdPath } from './paths';
import { newTender } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { consortiumId } = parse(consortiumIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await draftTender(
      { ...tendersTable, pools: { getPool: readPool } },
      caller,
      consortiumId,
      parse(newTender, jsonBody(event), 'body'),
    )) satisfies View<typeof views.tender>,
  };
});
