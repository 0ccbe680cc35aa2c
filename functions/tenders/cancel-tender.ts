import { workflows } from '../../shared/platform/aws/workflows';
import { cancelTender } from '../../shared/tenders/award';
import { tenderMoney, tendersTable } from '../../shared/tenders/aws';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { tenderIdPath } from './paths';
import { cancelBody } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return {
    body: (await cancelTender(
      { ...tendersTable, ...tenderMoney, workflows },
      caller,
      tenderId,
      parse(cancelBody, jsonBody(event), 'body'),
    )) satisfies View<typeof views.cancelled>,
  };
});
