import { endSession } from '../../shared/platform/sessions/sessions';
import { plainPage, redirect } from '../lib/web/page-route';
import { clearCookie, readCookie, sameOrigin, sessionCookieName } from '../lib/web/security';
import { sessionsTable } from './web-sessions';

/** POST only (a link could sign anyone out from another site); the session item is deleted, not just the cookie. */
export const handler = plainPage(async (event) => {
  if (sameOrigin(event)) await endSession(sessionsTable, readCookie(event, sessionCookieName()));
  return redirect('/sign-in', [clearCookie(sessionCookieName())]);
});
