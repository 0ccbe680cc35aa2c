import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { consortiumPage } from './consortium-page';
import { evidencePage } from './evidence-page';
import { fundingQualityPage } from './funding-quality-page';
import { homePage } from './home-page';

export const handler = staffPage(
  byRoute({
    '/app': homePage,
    '/app/consortia/{consortiumId}': consortiumPage,
    '/app/consortia/{consortiumId}/evidence': evidencePage,
    '/app/consortia/{consortiumId}/funding-quality': fundingQualityPage,
  }),
);
