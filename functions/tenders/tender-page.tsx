import type { Child } from 'hono/jsx';
import { mayAct } from '../../shared/consortia/access';
import type { Caller } from '../../shared/consortia/caller';
import { tendersTable } from '../../shared/tenders/aws';
import { panelOf } from '../../shared/tenders/panel-view';
import { withoutAskers } from '../../shared/tenders/providers';
import type { TenderStatus } from '../../shared/tenders/tender';
import { readableTender } from '../../shared/tenders/tenders';
import { readForStaff, summariseTender } from '../../shared/tenders/views';
import type { Page } from '../consortia/web-sessions';
import { ErrorSummary, type FieldError, SuccessBanner } from '../lib/web/govuk';
import { consortiumCrumbs } from '../lib/web/navigation';
import { type Action, runAction } from './tender-actions';
import { type SectionProps, TenderNavigation, type TenderTab, tabPath, tenderTabs } from './tender-parts';

/** Stages a tender can be cancelled in (cancelTender's rule): before its award. */
const cancellable = new Set<TenderStatus>(['draft', 'sign-off', 'published', 'evaluation', 'award-decision', 'standstill']);

/**
 * Everything a tender's pages show, and which of their forms this caller may use (each as its
 * use case allows): one read of the table. Bids are read with their bidders only for the bids
 * page, where the panel scores them.
 */
export async function tenderPageView(caller: Caller, tenderId: string, tab: TenderTab) {
  const reading = await readForStaff(tendersTable, caller, tenderId, { forPanel: tab === 'bids' });
  const view = summariseTender(reading);
  const orgs = await tendersTable.consortia.getOrganisations(view.funders.map((f) => f.orgId));
  const panel = panelOf(reading, caller);
  const officerOf = (orgId: string) => caller.memberships.some((m) => m.orgId === orgId && m.role !== 'viewer');
  const myFunder = view.funders.find((f) => officerOf(f.orgId))?.orgId;
  const now = tendersTable.clock.now().toISOString();
  // The lead's officers (and a platform admin acting for the lead): invitations, answers, challenges.
  const lead = reading.panelRole.moderator;
  return {
    ...view,
    questionList: withoutAskers(reading.questions),
    orgName: (id: string) => orgs.get(id)?.name ?? id,
    panel,
    may: {
      answer: view.status === 'published' && lead,
      signOff: view.status === 'sign-off' && Boolean(myFunder) && !view.signOffs.some((s) => s.orgId === myFunder),
      evaluate: view.status === 'evaluation',
      vote: view.status === 'award-decision' && Boolean(myFunder) && !view.awardVotes.some((v) => v.orgId === myFunder),
      invite: view.status === 'published' && now < view.dates.submissionDeadline && lead,
      cancel: cancellable.has(view.status) && mayAct(caller, reading.consortium, ['lead'], 'admin'),
      challenge: view.status === 'standstill' && Boolean(view.standstill && now < view.standstill.endsAt) && lead,
      resolve: lead,
      draft: view.status === 'draft' && mayAct(caller, reading.consortium, ['lead'], 'officer'),
      leadDecision:
        view.status === 'sign-off' &&
        Boolean(view.signOffEscalation && !view.signOffEscalation.decision) &&
        mayAct(caller, reading.consortium, ['lead'], 'admin'),
    },
  };
}

export type TenderPageView = Awaited<ReturnType<typeof tenderPageView>>;

/** One of a tender's pages: its place in the sub-navigation, its forms by `action`, their banners, and what it shows. */
export interface TenderSubPage {
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
    const view = await tenderPageView(caller, tenderId, sub.tab);
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
