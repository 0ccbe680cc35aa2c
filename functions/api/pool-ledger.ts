import { ledgerCsv, ledgerView } from '../../shared/app/statements';
import { deps } from '../lib/deps';
import { parse, staffRoute } from '../lib/http';
import { formatQuery, poolIdPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { poolId } = parse(poolIdPath, event.pathParameters ?? {}, 'path');
  const { format } = parse(formatQuery, event.queryStringParameters ?? {}, 'query');
  const view = await ledgerView(deps, caller, poolId);
  return format === 'csv'
    ? { body: ledgerCsv(view), contentType: 'text/csv; charset=utf-8', filename: `ledger-${poolId}.csv` }
    : { body: view };
});
