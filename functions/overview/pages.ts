import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { homePage } from './home-page';

export const handler = staffPage(byRoute({ '/app': homePage }));
