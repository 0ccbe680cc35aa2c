import { poolsTable } from '../../shared/pools/aws';
import { ledgerCsv, ledgerView } from '../../shared/pools/ledger-view';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { formatQuery } from '../lib/schemas';
import { poolIdPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { poolId } = parse(poolIdPath, event.pathParameters ?? {}, 'path');
  const { format } = parse(formatQuery, event.queryStringParameters ?? {}, 'query');
  const view = await ledgerView(poolsTable, caller, poolId);
  return format === 'csv'
    ? { body: ledgerCsv(view), contentType: 'text/csv; charset=utf-8', filename: `ledger-${poolId}.csv` }
    : { body: view satisfies View<typeof views.ledger> };
});
