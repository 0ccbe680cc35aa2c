import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { reportPage } from './report-page';
import { reportsPage } from './reports-page';

export const handler = staffPage(
  byRoute({
    '/app/reports/{reportId}': reportPage,
    '/app/consortia/{consortiumId}/reports': reportsPage,
  }),
);
