import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { newPoolPage } from './new-pool';
import { poolPage } from './pool-page';
import { roundPage } from './round-page';
import { statementPage } from './statement-page';

export const handler = staffPage(
  byRoute({
    '/app/pools/{poolId}': poolPage,
    '/app/consortia/{consortiumId}/pools/new': newPoolPage,
    '/app/pools/{poolId}/statement/{orgId}': statementPage,
    '/app/rounds/{roundId}': roundPage,
  }),
);
