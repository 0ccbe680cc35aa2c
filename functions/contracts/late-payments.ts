import { contractsTable } from '../../shared/contracts/aws';
import { latePayments, latePaymentsCsv } from '../../shared/contracts/payment-reports';
import { staffViewOrCsv } from '../consortia/staff';
import type { View } from '../lib/api';
import { orgIdPath } from './paths';
import type * as views from './views';

/** GET /councils/{orgId}/late-payments[?format=csv]: every payment made or still owed after its 30-day term. */
export const handler = staffViewOrCsv(
  { path: orgIdPath, csv: latePaymentsCsv, filename: ({ orgId }) => `late-payments-${orgId}.csv` },
  async (caller, { orgId }) => (await latePayments(contractsTable, caller, orgId)) satisfies View<typeof views.latePayments>,
);
