import type { Child } from 'hono/jsx';
import { tendersTable } from '../../shared/tenders/aws';
import { readableTender } from '../../shared/tenders/tenders';
import type { Page } from '../consortia/web-sessions';
import { ErrorSummary, type FieldError, SuccessBanner } from '../lib/web/govuk';
import { consortiumCrumbs } from '../lib/web/navigation';
import { type Action, runAction } from './tender-actions';
import { type TenderPageView, tenderPageView } from './tender-page-view';
import { type SectionProps, TenderNavigation, type TenderTab, tabPath, tenderTabs } from './tender-parts';

/** One of a tender's pages: its place in the sub-navigation, its forms by `action`, their banners, and what it shows. */
interface TenderSubPage {
  tab: TenderTab;
  actions: Record<string, Action>;
  done: Record<string, string>;
  body: (p: SectionProps) => Child;
  /** What else the page reads for its forms (the providers to invite), once the view says they are shown. */
  extra?: (view: TenderPageView) => Promise<Partial<SectionProps>>;
}

/**
 * A tender's page for staff, under the tender's title and its sub-navigation: GET shows it; POST
 * runs one of its forms (decoded into the JSON route's schema, the same use case) and answers 303
 * back to it with a banner, or shows the errors beside what was typed.
 */
export function tenderSubPage(sub: TenderSubPage): Page {
  return async ({ caller, params, method, form, posted, query, csrf }) => {
    const tenderId = params.tenderId ?? '';
    let errors: FieldError[] = [];
    if (method === 'POST') {
      // Outsiders first get the not-found a made-up id gets, whatever the form says.
      const { tender } = await readableTender(tendersTable, caller, tenderId);
      const outcome = await runAction(sub.actions, caller, tender, posted);
      if ('done' in outcome) return { redirect: `${tabPath(sub.tab, tenderId)}?done=${outcome.done}` };
      errors = outcome.errors;
    }
    const view = await tenderPageView(caller, tenderId, sub.tab === 'bids');
    const props: SectionProps = { view, csrf, errors, typed: method === 'POST' ? form : {}, ...(await sub.extra?.(view)) };
    const banner = sub.done[query.done ?? ''];
    const label = tenderTabs.find((t) => t.id === sub.tab)?.label ?? '';
    const consortium = { id: view.consortiumId, name: view.consortiumName };
    const crumbs = consortiumCrumbs(consortium, 'tenders');
    return {
      title: `${errors.length ? 'Error: ' : ''}${sub.tab === 'overview' ? view.title : `${label}: ${view.title}`}`,
      status: errors.length ? 400 : 200,
      section: 'tenders',
      consortium,
      crumbs: sub.tab === 'overview' ? crumbs : [...crumbs, { href: tabPath('overview', view.id), label: view.title }],
      body: (
        <>
          {banner && <SuccessBanner heading={banner} />}
          <ErrorSummary errors={errors} />
          <span class="govuk-caption-l">Joint tender</span>
          <h1 class="govuk-heading-l">{view.title}</h1>
          <TenderNavigation view={view} current={sub.tab} />
          {sub.body(props)}
        </>
      ),
    };
  };
}
