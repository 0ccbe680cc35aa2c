import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { consortiumPage } from './consortium-page';
import { evidencePage } from './evidence-page';
import { fundingQualityPage } from './funding-quality-page';
import { grantsPage, poolsPage, roundsPage } from './listing-pages';

/** The consortium's pages; what needs me and any other path under /app are `home.ts`. */
export const handler = staffPage(
  byRoute({
    '/app/consortia/{consortiumId}': consortiumPage,
    '/app/consortia/{consortiumId}/evidence': evidencePage,
    '/app/consortia/{consortiumId}/funding-quality': fundingQualityPage,
    '/app/consortia/{consortiumId}/pools': poolsPage,
    '/app/consortia/{consortiumId}/rounds': roundsPage,
    '/app/consortia/{consortiumId}/grants': grantsPage,
  }),
);
