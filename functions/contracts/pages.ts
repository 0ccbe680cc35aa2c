import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { contractKpisPage, contractMilestonesPage, contractPage, contractPaymentsPage } from './contract-page';
import { contractsPage } from './contracts-page';
import { paymentsPage } from './payments-page';

export const handler = staffPage(
  byRoute({
    '/app/councils/{orgId}/contracts': contractsPage,
    '/app/councils/{orgId}/payments': paymentsPage,
    '/app/contracts/{contractId}': contractPage,
    '/app/contracts/{contractId}/milestones': contractMilestonesPage,
    '/app/contracts/{contractId}/kpis': contractKpisPage,
    '/app/contracts/{contractId}/payments': contractPaymentsPage,
  }),
);
