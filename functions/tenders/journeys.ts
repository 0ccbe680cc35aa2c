import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { editTenderPage, newTenderPage } from './draft-pages';

/**
 * The tenders' journeys (drafting a tender, changing a draft), apart from the tender pages: they
 * need no workflow client, and together with those the pages' bundle would pass 400 KB.
 */
export const handler = staffPage(
  byRoute({
    '/app/consortia/{consortiumId}/tenders/new': newTenderPage,
    '/app/tenders/{tenderId}/edit': editTenderPage,
  }),
);
