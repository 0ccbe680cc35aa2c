import type { Child } from 'hono/jsx';
import { Csrf, ErrorSummary, type FieldError, SuccessBanner } from './govuk';
import type { PageRequest, PageResult } from './page-route';

/**
 * The frame of a page that asks one thing (a form, an "are you sure"): the error summary, the
 * caption and the heading, with "Error: " before the title and a 400 while it shows errors, so
 * each page states only its own heading and form.
 */
export function formPage(p: {
  heading: string;
  title?: string;
  caption: Child;
  errors: FieldError[];
  banner?: string | false;
  children: Child;
}) {
  return {
    title: `${p.errors.length ? 'Error: ' : ''}${p.title ?? p.heading}`,
    status: p.errors.length ? 400 : 200,
    body: (
      <>
        <PageHead banner={p.banner} errors={p.errors} caption={p.caption} heading={p.heading} />
        {p.children}
      </>
    ),
  };
}

/** A page's top: the banner saying what was just done, the errors of a form sent, the caption and the heading. */
export function PageHead(p: { banner?: string | false | undefined; errors: FieldError[]; caption?: Child; heading: Child }) {
  return (
    <>
      {p.banner && <SuccessBanner heading={p.banner} />}
      <ErrorSummary errors={p.errors} />
      {p.caption !== undefined && <span class="govuk-caption-l">{p.caption}</span>}
      <h1 class="govuk-heading-l">{p.heading}</h1>
    </>
  );
}

/**
 * A form posting one of a page's actions: the page tells its forms apart by `action` (the form
 * decoder's `chosenForm`), and every form carries the session's token. `to` is where it posts
 * when that is not the page itself.
 */
export function ActionForm(p: { action: string; csrf: string; id?: string | undefined; to?: string; children: Child }) {
  return (
    <form method="post" action={p.to} id={p.id} novalidate>
      <Csrf token={p.csrf} />
      <input type="hidden" name="action" value={p.action} />
      {p.children}
    </form>
  );
}

/** What a record page's forms answer: what was done (said on the page after the redirect), or the errors to show. */
export type Outcome = { done: string } | { errors: FieldError[] };

/**
 * What a record page's forms are shown with: the session's token, and either the errors of the
 * form sent with what was typed into it, or what the forms start with and the banner saying what
 * was just done.
 */
export interface RecordState {
  csrf: string;
  errors: FieldError[];
  typed: Record<string, string>;
  banner?: string | undefined;
}

/**
 * A record's page with forms on it (a grant, a round, a consortium), the record named by the
 * route's `param`. The record is read first, so an outsider gets the not-found a made-up id gets,
 * whatever the form says. A post runs its action and redirects to the page itself (its forms post
 * to it) saying what was done (`?done=`, which `banner` words), or shows the page again with the
 * errors against what was typed ("Error: " before the title, 400).
 */
export function recordPage<V, C>(p: {
  param: string;
  read: (caller: C, id: string) => Promise<V>;
  act: (caller: C, id: string, posted: PageRequest<C>['posted']) => Promise<Outcome>;
  banner: (done: string, id: string) => string | undefined | Promise<string | undefined>;
  /** What the forms show before anything is sent (the record's current settings); empty if not given. */
  typed?: (view: V) => Record<string, string>;
  show: (view: V, state: RecordState) => PageResult & { title: string };
}) {
  return async (req: PageRequest<C>): Promise<PageResult> => {
    const id = req.params[p.param] ?? '';
    const view = await p.read(req.caller, id);
    if (req.method !== 'POST') {
      const banner = await p.banner(req.query.done ?? '', id);
      return p.show(view, { csrf: req.csrf, errors: [], typed: p.typed?.(view) ?? {}, banner });
    }
    const outcome = await p.act(req.caller, id, req.posted);
    if ('done' in outcome) return { redirect: `${req.event.rawPath}?done=${outcome.done}` };
    const page = p.show(view, { csrf: req.csrf, errors: outcome.errors, typed: req.form });
    return { ...page, title: `Error: ${page.title}`, status: 400 };
  };
}
