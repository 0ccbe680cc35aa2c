import { contractsTable } from '../../shared/contracts/aws';
import { paymentNotices } from '../../shared/contracts/payment-publication';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { noticesQuery, orgIdPath } from './paths';
import type * as views from './views';

/** GET /councils/{orgId}/payment-notices[?period=YYYY-MM-DD]: the s.70 list by quarter and a UK8 notice's figures for a period. */
export const handler = staffRoute(async (event, caller) => {
  const { orgId } = parse(orgIdPath, event.pathParameters ?? {}, 'path');
  const { period } = parse(noticesQuery, event.queryStringParameters ?? {}, 'query');
  return { body: (await paymentNotices(contractsTable, caller, orgId, period)) satisfies View<typeof views.paymentNotices> };
});
