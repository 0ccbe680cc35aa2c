import type { Child } from 'hono/jsx';
import { Csrf, ErrorSummary, type FieldError, SuccessBanner } from './govuk';

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
