import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { evidencePage } from './evidence-page';
import { fundingQualityPage } from './funding-quality-page';

/**
 * The consortium's evidence and funding-quality pages: read-only, with their charts and CSVs,
 * apart from the consortium page and its forms (which need the workflow client); together they
 * passed 400 KB.
 */
export const handler = staffPage(
  byRoute({
    '/app/consortia/{consortiumId}/evidence': evidencePage,
    '/app/consortia/{consortiumId}/funding-quality': fundingQualityPage,
  }),
);
