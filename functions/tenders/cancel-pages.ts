import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { cancelPage } from './cancel-page';

/** Cancelling a tender: a function of its own, as the only tender page that needs the pool's ledger. */
export const handler = staffPage(byRoute({ '/app/tenders/{tenderId}/cancel': cancelPage }));
