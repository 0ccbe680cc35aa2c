import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { newAwardPage } from './new-award';
import { newContributionPage } from './new-contribution';
import { newPledgePage } from './new-pledge';
import { newPoolPage } from './new-pool';
import { newProposalPage } from './new-proposal';
import { newRoundPage } from './new-round';

/**
 * The pools' journeys (making a pool, a pledge, money received, a round, a proposal, a direct
 * award), apart from the pool and round pages: they need no workflow client, CSV or charts, and
 * together with those the pages' bundle passed 400 KB.
 */
export const handler = staffPage(
  byRoute({
    '/app/consortia/{consortiumId}/pools/new': newPoolPage,
    '/app/pools/{poolId}/pledges/new': newPledgePage,
    '/app/pools/{poolId}/pledges/{pledgeId}/contributions/new': newContributionPage,
    '/app/pools/{poolId}/rounds/new': newRoundPage,
    '/app/pools/{poolId}/grants/new': newAwardPage,
    '/app/rounds/{roundId}/proposals/new': newProposalPage,
  }),
);
