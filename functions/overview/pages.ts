import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { consortiumPage } from './consortium-page';
import { grantsPage, poolsPage, roundsPage } from './listing-pages';

/** The consortium's pages; what needs me and any other path under /app are `home.ts`; evidence and funding quality `insights.ts`. */
export const handler = staffPage(
  byRoute({
    '/app/consortia/{consortiumId}': consortiumPage,
    '/app/consortia/{consortiumId}/pools': poolsPage,
    '/app/consortia/{consortiumId}/rounds': roundsPage,
    '/app/consortia/{consortiumId}/grants': grantsPage,
  }),
);
