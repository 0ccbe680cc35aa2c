import type { Child } from 'hono/jsx';
import type { TenderStatus } from '../../shared/tenders/tender';
import { Csrf, type FieldError } from '../lib/web/govuk';
import type { TenderPageView } from './tender-page';

export const stageColour: Record<TenderStatus, 'green' | 'red' | 'yellow' | 'grey' | 'blue' | 'orange' | 'purple'> = {
  draft: 'grey',
  'sign-off': 'yellow',
  published: 'blue',
  evaluation: 'purple',
  'award-decision': 'orange',
  standstill: 'orange',
  awarded: 'green',
  unsuccessful: 'red',
  cancelled: 'grey',
};

export interface SectionProps {
  view: TenderPageView;
  csrf: string;
  errors: FieldError[];
  typed: Record<string, string>;
}

/**
 * The form every section posts: to the tender page, with the session's token and the action it
 * runs. Its id is what a refusal that is no one field's links to (tender-actions.ts).
 */
export function ActionForm(p: { view: TenderPageView; csrf: string; action: string; id?: string; children: Child }) {
  return (
    <form method="post" action={`/app/tenders/${encodeURIComponent(p.view.id)}`} id={p.id ?? p.action} novalidate>
      <Csrf token={p.csrf} />
      <input type="hidden" name="action" value={p.action} />
      {p.children}
    </form>
  );
}
