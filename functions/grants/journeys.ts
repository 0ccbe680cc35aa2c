import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { amendGrantPage, grantStatusPage } from './change-journeys';
import { grantPaymentPage, grantReturnPage } from './money-journeys';
import { grantPlanPage } from './plan-journey';

/**
 * A grant's journeys (its plan as a task list, a payment, a return, an amendment, a change of
 * status), apart from the grant page: they need no workflow client, and together with it the
 * pages' bundle passed 400 KB.
 */
export const handler = staffPage(
  byRoute({
    '/app/grants/{grantId}/plan': grantPlanPage,
    '/app/grants/{grantId}/payments/new': grantPaymentPage,
    '/app/grants/{grantId}/returns/new': grantReturnPage,
    '/app/grants/{grantId}/amendments/new': amendGrantPage,
    '/app/grants/{grantId}/status': grantStatusPage,
  }),
);
