import { signIn, staffDirectory } from '../../shared/consortia/sign-in';
import { DomainError } from '../../shared/platform/errors';
import { sessionLimits } from '../../shared/platform/sessions/session';
import { openSession, type SessionDeps } from '../../shared/platform/sessions/sessions';
import { Button, ErrorSummary, type FieldError, TextInput, WarningText } from '../lib/web/govuk';
import { forbiddenPage, plainPage, redirect, render } from '../lib/web/page-route';
import { formBody, readCookie, safeNext, sameOrigin, sessionCookieName, setCookie } from '../lib/web/security';
import { sessionsTable } from './web-sessions';

type Directory = Awaited<ReturnType<typeof staffDirectory>>;

/**
 * Local only (`only: 'local'` in the catalog; absent from the AWS stack): pick a seeded user or
 * type an email, and get the same session a Cognito sign-in gives on AWS.
 */
export const handler = plainPage(async (event) => {
  const query = event.queryStringParameters ?? {};
  if (event.requestContext.http.method === 'GET') {
    const deps: SessionDeps = sessionsTable;
    if (await openSession(deps, readCookie(event, sessionCookieName()))) return redirect(safeNext(query.next));
    return signInPage(await staffDirectory(sessionsTable), safeNext(query.next), '', []);
  }
  if (!sameOrigin(event)) return forbiddenPage();
  const form = formBody(event);
  const next = safeNext(form.next);
  try {
    const { id } = await signIn(sessionsTable, form.email ?? '');
    return redirect(next, [setCookie(sessionCookieName(), id, sessionLimits.absoluteMs / 1000)]);
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'validation') throw error;
    const errors = (error.issues ?? []).map((i) => ({ field: i.field, message: i.message.replace(/^\w+: /, '') }));
    return signInPage(await staffDirectory(sessionsTable), next, form.email ?? '', errors, 400);
  }
});

function signInPage(directory: Directory, next: string, email: string, errors: FieldError[], status = 200) {
  return render(
    'Sign in (local)',
    {},
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Sign in</h1>
      <WarningText>
        Local only: this page exists only when grantloop runs on one machine. There is no password; on AWS, staff sign in with Cognito.
      </WarningText>
      <form method="post" action="/sign-in" novalidate>
        <input type="hidden" name="next" value={next} />
        <TextInput name="email" label="Email address" type="email" autocomplete="email" value={email} errors={errors} width="20" />
        <Button>Sign in</Button>
      </form>
      <h2 class="govuk-heading-m">Or choose a seeded user</h2>
      {directory
        .filter((d) => d.people.length)
        .map((d) => (
          <>
            <h3 class="govuk-heading-s">{d.org.name}</h3>
            <ul class="govuk-list">
              {d.people.map((p) => (
                <li>
                  <form method="post" action="/sign-in" class="grantloop-inline-form">
                    <input type="hidden" name="next" value={next} />
                    <input type="hidden" name="email" value={p.email} />
                    <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2">
                      Sign in as {p.name} ({p.role}, {p.email})
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </>
        ))}
    </>,
    status,
  );
}
