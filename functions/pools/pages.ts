import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { poolPage } from './pool-page';
import { roundPage } from './round-page';
import { statementPage } from './statement-page';

export const handler = staffPage(
  byRoute({
    '/app/pools/{poolId}': poolPage,
    '/app/pools/{poolId}/statement/{orgId}': statementPage,
    '/app/rounds/{roundId}': roundPage,
  }),
);
