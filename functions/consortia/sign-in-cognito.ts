import { config } from '../../shared/platform/config';
import { authorizeUrl } from '../../shared/platform/sessions/oauth';
import { LOGIN_ATTEMPT_MS, newLoginAttempt } from '../../shared/platform/sessions/session';
import { openSession } from '../../shared/platform/sessions/sessions';
import { plainPage, redirect } from '../lib/web/page-route';
import { loginCookieName, readCookie, safeNext, sessionCookieName, setCookie } from '../lib/web/security';
import { sessionsTable } from './web-sessions';

export const oauthClient = () => ({
  domain: config.authDomain(),
  clientId: config.authClientId(),
  issuer: config.authIssuer(),
  redirectUri: `${config.appUrl()}/auth/callback`,
});

/** AWS only: off to Cognito's managed login, with a PKCE challenge and a one-time `state` bound to this browser. */
export const handler = plainPage(async (event) => {
  const next = safeNext(event.queryStringParameters?.next);
  if (await openSession(sessionsTable, readCookie(event, sessionCookieName()))) return redirect(next);
  const { state, attempt } = newLoginAttempt(next, sessionsTable.clock.now());
  await sessionsTable.sessions.putLoginAttempt(attempt);
  return redirect(authorizeUrl(oauthClient(), state, attempt.verifier), [setCookie(loginCookieName(), state, LOGIN_ATTEMPT_MS / 1000)]);
});
