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
        {p.banner && <SuccessBanner heading={p.banner} />}
        <ErrorSummary errors={p.errors} />
        <span class="govuk-caption-l">{p.caption}</span>
        <h1 class="govuk-heading-l">{p.heading}</h1>
        {p.children}
      </>
    ),
  };
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
 * A record's page with forms on it (a grant, a round, a consortium). The record is read first, so
 * an outsider gets the not-found a made-up id gets, whatever the form says. A post runs its action
 * and redirects to the page saying what was done (`?done=`), or shows the page again with the
 * errors against what was typed ("Error: " before the title, 400).
 */
export async function recordPage<V>(
  req: Pick<PageRequest<unknown>, 'method' | 'posted' | 'form'>,
  p: {
    read: () => Promise<V>;
    act: (posted: PageRequest<unknown>['posted']) => Promise<Outcome>;
    here: string;
    show: (view: V, sent?: { errors: FieldError[]; typed: Record<string, string> }) => Promise<PageResult & { title: string }>;
  },
): Promise<PageResult> {
  const view = await p.read();
  if (req.method !== 'POST') return p.show(view);
  const outcome = await p.act(req.posted);
  if ('done' in outcome) return { redirect: `${p.here}?done=${outcome.done}` };
  const page = await p.show(view, { errors: outcome.errors, typed: req.form });
  return { ...page, title: `Error: ${page.title}`, status: 400 };
}
