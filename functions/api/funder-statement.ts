import { funderStatement, funderStatementCsv } from '../../shared/app/statements';
import { deps } from '../lib/deps';
import { parse, staffRoute } from '../lib/http';
import { formatQuery, funderStatementPath } from '../lib/schemas';

export const handler = staffRoute(async (event, caller) => {
  const { poolId, orgId } = parse(funderStatementPath, event.pathParameters ?? {}, 'path');
  const { format } = parse(formatQuery, event.queryStringParameters ?? {}, 'query');
  const statement = await funderStatement(deps, caller, poolId, orgId);
  return format === 'csv'
    ? { body: funderStatementCsv(statement), contentType: 'text/csv; charset=utf-8', filename: `statement-${orgId}.csv` }
    : { body: statement };
});
