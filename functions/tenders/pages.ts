import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { pipelinePage } from './pipeline-page';
import { tenderPage } from './tender-page';

export const handler = staffPage(
  byRoute({
    '/app/consortia/{consortiumId}/tenders': pipelinePage,
    '/app/tenders/{tenderId}': tenderPage,
  }),
);
