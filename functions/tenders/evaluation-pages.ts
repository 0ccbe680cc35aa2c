import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { awardActions, awardDone } from './award-actions';
import { AwardSection } from './award-section';
import { evaluationActions, evaluationDone } from './evaluation-actions';
import { BidsSection } from './evaluation-section';
import { tenderSubPage } from './tender-page';

/** A tender's bids and evaluation (scores, conflicts, moderation) and its award (vote, standstill, challenges). */
export const handler = staffPage(
  byRoute({
    '/app/tenders/{tenderId}/bids': tenderSubPage({ tab: 'bids', actions: evaluationActions, done: evaluationDone, body: BidsSection }),
    '/app/tenders/{tenderId}/award': tenderSubPage({ tab: 'award', actions: awardActions, done: awardDone, body: AwardSection }),
  }),
);
