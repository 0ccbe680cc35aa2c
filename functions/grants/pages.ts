import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { grantPage } from './grant-page';

export const handler = staffPage(byRoute({ '/app/grants/{grantId}': grantPage }));
