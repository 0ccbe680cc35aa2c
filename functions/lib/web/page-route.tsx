import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Child } from 'hono/jsx';
import { DomainError } from '../../../shared/platform/errors';
import { sessionEnd } from '../../../shared/platform/sessions/session';
import { openSession, type SessionDeps } from '../../../shared/platform/sessions/sessions';
import type { DraftAnswers } from '../../../shared/platform/sessions/store';
import { throughFrontDoor } from '../front-door';
import type { ApiEvent } from '../http';
import { logger } from '../logger';
import { GoTo } from './inputs';
import { type Chrome, Layout } from './layout';
import type { ConsortiumRef, Crumb, Section } from './navigation';
import { formBody, lastValues, pageForm, readCookie, sameOrigin, sameToken, securityHeaders, sessionCookieName } from './security';

export interface PageRequest<Caller> {
  event: ApiEvent;
  caller: Caller;
  /** The session's form token: every form on the page carries it. */
  csrf: string;
  method: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** The posted form (POST only). */
  form: Record<string, string>;
  /** The same form with repeated fields kept (checkboxes): what `decodeForm` (form.ts) reads. */
  posted: Record<string, string | string[]>;
  /** What this person has typed so far in a journey of question pages (journey.tsx), kept with their session. */
  draft: (journey: string) => Draft;
}

interface Draft {
  get(): Promise<DraftAnswers | undefined>;
  put(answers: DraftAnswers): Promise<void>;
  clear(): Promise<void>;
}

export type PageResult =
  | {
      title: string;
      body: Child;
      status?: number;
      /** Which area of the service navigation the page is in. */
      section?: Section;
      /** The consortium the page belongs to: the navigation offers its areas. */
      consortium?: ConsortiumRef;
      /** From what needs me to the page's parent (every page but what needs me has them). */
      crumbs?: Crumb[];
    }
  /** POST-redirect-GET: a successful form post answers with 303 to the page showing the result. */
  | { redirect: string }
  | { download: string; contentType: string; filename: string };

/** A page's CSV download (`?format=csv` and the like), under the name it is saved as. */
export const csvFile = (filename: string, csv: string): PageResult => ({ download: csv, contentType: 'text/csv; charset=utf-8', filename });

type StaffCaller = { user: { name: string; email: string } };

const isId = (s: string) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(s);

/** Renders a whole page: the doctype, then the escaped JSX tree. */
export async function render(title: string, chrome: Chrome, body: Child, status = 200, extra: Record<string, string> = {}) {
  const html = `<!doctype html>${await (
    <Layout title={title} chrome={chrome}>
      {body}
    </Layout>
  ).toString()}`;
  return { statusCode: status, headers: { ...securityHeaders(), 'content-type': 'text/html; charset=utf-8', ...extra }, body: html };
}

export const redirect = (location: string, cookies?: string[]): APIGatewayProxyResultV2 => ({
  statusCode: 303,
  headers: { ...securityHeaders(), location },
  ...(cookies ? { cookies } : {}),
});

const problem = (status: number, title: string, message: string, chrome: Chrome = {}) =>
  render(
    title,
    chrome,
    <>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">{message}</p>
      <GoTo href="/app">Go to what needs you</GoTo>
    </>,
    status,
  );

/**
 * GOV.UK's page not found pattern (no breadcrumbs, no jargon, not blaming the reader). Other
 * consortia's pages are as absent as pages that do not exist: the same page, so nothing leaks.
 */
const notFoundPage = (chrome: Chrome) =>
  render(
    'Page not found',
    { ...chrome, crumbs: [] },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Page not found</h1>
        <p class="govuk-body">If you typed the web address, check it is correct.</p>
        <p class="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p class="govuk-body">
          If you followed a link, the page may belong to a consortium or council your organisation is not a member of.
        </p>
        <GoTo href="/app">Go to what needs you</GoTo>
      </div>
    </div>,
    404,
  );

/** A form (sign-in, an emailed link's) whose bytes are not UTF-8: refused whole (400), nothing runs. */
function readForm(event: ApiEvent): Record<string, string> | undefined {
  try {
    return formBody(event);
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}

const unreadableForm = () =>
  problem(
    400,
    'This form could not be read',
    'What was sent is not text we can read (it is not UTF-8). Nothing was saved. Go back and try again.',
  );

export const forbiddenPage = () =>
  problem(
    403,
    'This form has expired',
    'The form was not sent from this site, or it was sent from an old page. Go back, reload the page and try again.',
  );

/**
 * The third kind of route, next to `staff` (JSON with a bearer token) and `public`: pages for
 * signed-in staff. Without a live session a request is sent to sign in and brought back; a
 * POST must come from our own origin and carry the session's form token, or nothing runs.
 */
export function pageRoute<Caller extends StaffCaller>(
  deps: SessionDeps & {
    resolve: (email: string) => Promise<Caller>;
    /** The councils the person works for, for the navigation's "Contracts" (none if omitted). */
    councilsOf?: (caller: Caller) => Promise<ConsortiumRef[]>;
  },
) {
  return (fn: (req: PageRequest<Caller>) => Promise<PageResult>) =>
    middy<ApiEvent, APIGatewayProxyResultV2>()
      .use(injectLambdaContext(logger))
      .use(throughFrontDoor())
      .handler(async (event) => {
        const method = event.requestContext.http.method;
        const session = await openSession(deps, readCookie(event, sessionCookieName()));
        if (!session) {
          const next = event.rawPath + (event.rawQueryString ? `?${event.rawQueryString}` : '');
          return redirect(`/sign-in?next=${encodeURIComponent(next)}`);
        }
        // Read even where some bytes are not UTF-8: the decoder names the field they are in (pageForm).
        const posted = method === 'POST' ? pageForm(event) : {};
        const form = lastValues(posted);
        if (method === 'POST' && (!sameOrigin(event) || !sameToken(form.csrf, session.csrf))) return forbiddenPage();
        let chrome: Chrome = { csrf: session.csrf, path: event.rawPath };
        try {
          const caller = await deps.resolve(session.email);
          const councils = (await deps.councilsOf?.(caller)) ?? [];
          chrome = { ...chrome, user: { name: caller.user.name, email: caller.user.email }, councils };
          const params = event.pathParameters ?? {};
          // Every page's path names records by id: anything else is no page, and never reaches a table key.
          // A greedy `{proxy+}` (the catch-all for unknown paths) holds the rest of the path, not an id.
          const greedy = new Set([...event.routeKey.matchAll(/\{(\w+)\+\}/g)].map((m) => m[1]));
          if (Object.entries(params).some(([name, p]) => !greedy.has(name) && !isId(p ?? ''))) return notFoundPage(chrome);
          const query = (event.queryStringParameters ?? {}) as Record<string, string>;
          const result = await fn({
            event,
            caller,
            csrf: session.csrf,
            method,
            params: params as Record<string, string>,
            query,
            form,
            posted,
            draft: (journey) => ({
              get: () => deps.sessions.getDraft(session.hash, journey),
              put: (answers) => deps.sessions.putDraft(session.hash, journey, answers, sessionEnd(session)),
              clear: () => deps.sessions.deleteDraft(session.hash, journey),
            }),
          });
          if ('redirect' in result) return redirect(result.redirect);
          if ('download' in result) {
            return {
              statusCode: 200,
              headers: {
                ...securityHeaders(),
                'content-type': result.contentType,
                'content-disposition': `attachment; filename="${result.filename}"`,
              },
              body: result.download,
            };
          }
          const { section, consortium, crumbs } = result;
          return render(result.title, { ...chrome, section, consortium, crumbs }, result.body, result.status);
        } catch (error) {
          return failure(error, chrome, event);
        }
      });
}

function failure(error: unknown, chrome: Chrome, event: ApiEvent) {
  if (error instanceof DomainError) {
    if (error.kind === 'not-found' || error.kind === 'forbidden') return notFoundPage(chrome);
    if (error.kind === 'unauthorised') return redirect('/sign-in');
    return problem(error.kind === 'conflict' ? 409 : 400, 'This could not be done', error.message, chrome);
  }
  logger.error('unhandled error', { error: error as Error, route: event.routeKey });
  return problem(500, 'Sorry, there is a problem', 'Something went wrong; the error has been logged. Try again later.', chrome);
}

type Page<Caller> = (req: PageRequest<Caller>) => Promise<PageResult>;

/**
 * A feature's pages share one Lambda (they read the same records, so one warm container serves
 * them all): each is chosen by the route's path template, as the catalog declares it.
 */
export function byRoute<Caller>(pages: Record<string, Page<Caller>>): Page<Caller> {
  return async (req) => {
    const path = req.event.routeKey.slice(req.event.routeKey.indexOf(' ') + 1);
    const page = pages[path];
    if (!page) throw new DomainError('not-found', `no page at ${path}`);
    return page(req);
  };
}

/** Pages outside a session (sign-in, sign-out, the OAuth callback): the same headers, logging and 500 page. */
export function plainPage(fn: (event: ApiEvent) => Promise<APIGatewayProxyResultV2>) {
  return middy<ApiEvent, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger))
    .use(throughFrontDoor())
    .handler(async (event) => {
      if (event.body && !readForm(event)) return unreadableForm();
      try {
        return await fn(event);
      } catch (error) {
        return failure(error, {}, event);
      }
    });
}
