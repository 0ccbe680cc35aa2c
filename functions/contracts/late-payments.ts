import { contractsTable } from '../../shared/contracts/aws';
import { latePayments, latePaymentsCsv } from '../../shared/contracts/payment-reports';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { formatQuery } from '../lib/schemas';
import { orgIdPath } from './paths';
import type * as views from './views';

/** GET /councils/{orgId}/late-payments[?format=csv]: every payment made or still owed after its 30-day term. */
export const handler = staffRoute(async (event, caller) => {
  const { orgId } = parse(orgIdPath, event.pathParameters ?? {}, 'path');
  const { format } = parse(formatQuery, event.queryStringParameters ?? {}, 'query');
  const view = await latePayments(contractsTable, caller, orgId);
  return format === 'csv'
    ? { body: latePaymentsCsv(view), contentType: 'text/csv; charset=utf-8', filename: `late-payments-${orgId}.csv` }
    : { body: view satisfies View<typeof views.latePayments> };
});
