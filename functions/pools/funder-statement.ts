import { poolsTable } from '../../shared/pools/aws';
import { funderStatement, funderStatementCsv } from '../../shared/pools/statements';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { formatQuery } from '../lib/schemas';
import { funderStatementPath } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { poolId, orgId } = parse(funderStatementPath, event.pathParameters ?? {}, 'path');
  const { format } = parse(formatQuery, event.queryStringParameters ?? {}, 'query');
  const statement = await funderStatement(poolsTable, caller, poolId, orgId);
  return format === 'csv'
    ? { body: funderStatementCsv(statement), contentType: 'text/csv; charset=utf-8', filename: `statement-${orgId}.csv` }
    : { body: statement satisfies View<typeof views.funderStatement> };
});
