import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { newAwardPage } from './new-award';
import { newContributionPage } from './new-contribution';
import { newPledgePage } from './new-pledge';
import { newPoolPage } from './new-pool';
import { newProposalPage } from './new-proposal';
import { newRoundPage } from './new-round';
import { poolPage } from './pool-page';
import { roundPage } from './round-page';
import { statementPage } from './statement-page';

export const handler = staffPage(
  byRoute({
    '/app/pools/{poolId}': poolPage,
    '/app/consortia/{consortiumId}/pools/new': newPoolPage,
    '/app/pools/{poolId}/pledges/new': newPledgePage,
    '/app/pools/{poolId}/pledges/{pledgeId}/contributions/new': newContributionPage,
    '/app/pools/{poolId}/rounds/new': newRoundPage,
    '/app/pools/{poolId}/grants/new': newAwardPage,
    '/app/pools/{poolId}/statement/{orgId}': statementPage,
    '/app/rounds/{roundId}': roundPage,
    '/app/rounds/{roundId}/proposals/new': newProposalPage,
  }),
);
