import { signIn } from '../../shared/consortia/sign-in';
import { exchangeCode } from '../../shared/platform/sessions/oauth';
import { LOGIN_ATTEMPT_MS, sessionHash, sessionLimits } from '../../shared/platform/sessions/session';
import { logger } from '../lib/logger';
import { GoTo } from '../lib/web/inputs';
import { plainPage, redirect, render } from '../lib/web/page-route';
import { clearCookie, loginCookieName, readCookie, sameToken, sessionCookieName, setCookie } from '../lib/web/security';
import { oauthClient } from './sign-in-cognito';
import { sessionsTable } from './web-sessions';

const failed = (message: string) =>
  render(
    'Sign-in did not work',
    {},
    <>
      <h1 class="govuk-heading-l">Sign-in did not work</h1>
      <p class="govuk-body">{message}</p>
      <GoTo href="/sign-in">Try again</GoTo>
    </>,
    400,
    {},
  );

/** AWS only: Cognito sends the browser back here with a code; the session starts once the state and the code check out. */
export const handler = plainPage(async (event) => {
  const { code, state } = event.queryStringParameters ?? {};
  const bound = readCookie(event, loginCookieName());
  if (!code || !state || !sameToken(bound, state)) return failed('The sign-in link was not for this browser, or it was used already.');
  const attempt = await sessionsTable.sessions.takeLoginAttempt(sessionHash(state));
  const now = sessionsTable.clock.now().getTime();
  if (!attempt || now - new Date(attempt.createdAt).getTime() > LOGIN_ATTEMPT_MS) return failed('The sign-in took too long; start again.');
  let email: string;
  try {
    email = await exchangeCode(oauthClient(), code, attempt.verifier);
  } catch (error) {
    logger.warn('code exchange failed', { error: error as Error });
    return failed('Cognito did not confirm who you are; start again.');
  }
  const { id } = await signIn(sessionsTable, email);
  return redirect(attempt.next, [setCookie(sessionCookieName(), id, sessionLimits.absoluteMs / 1000), clearCookie(loginCookieName())]);
});
