import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { amendGrantPage, grantStatusPage } from './change-journeys';
import { grantPage } from './grant-page';
import { grantPaymentPage, grantReturnPage } from './money-journeys';
import { grantPlanPage } from './plan-journey';

export const handler = staffPage(
  byRoute({
    '/app/grants/{grantId}': grantPage,
    '/app/grants/{grantId}/plan': grantPlanPage,
    '/app/grants/{grantId}/payments/new': grantPaymentPage,
    '/app/grants/{grantId}/returns/new': grantReturnPage,
    '/app/grants/{grantId}/amendments/new': amendGrantPage,
    '/app/grants/{grantId}/status': grantStatusPage,
  }),
);
