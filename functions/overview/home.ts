import { DomainError } from '../../shared/platform/errors';
import { type Page, staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { homePage } from './home-page';

/**
 * Any other path under /app (the catalog's `GET /app/{proxy+}`): `/app/` is what needs me, as
 * `/app` is; anything else is the page-not-found page, the same one a made-up id gets.
 */
const otherPath: Page = async (req) => {
  if (/^\/app\/+$/.test(req.event.rawPath)) return homePage(req);
  throw new DomainError('not-found', `no page at ${req.event.rawPath}`);
};

/**
 * What needs me has a function of its own: it reads every feature's waiting work (tenders,
 * contracts, conditions, rounds, reports), so beside the consortium pages it would take their
 * bundle over the 400 KB limit, and it is the page every session opens first.
 */
export const handler = staffPage(byRoute({ '/app': homePage, '/app/{proxy+}': otherPath }));
