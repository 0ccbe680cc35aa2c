import type { Child } from 'hono/jsx';
import { humanise, oneDecimal, pounds } from '../../shared/platform/format';
import { staffPaths } from '../../shared/platform/pages';
import type { TenderStatus } from '../../shared/tenders/tender';
import { Csrf, type FieldError } from '../lib/web/govuk';
import { SubNavigation } from '../lib/web/sub-navigation';
import type { TenderPageView } from './tender-page-view';

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

/**
 * A tender's pages, in the sub-navigation's order: each job on a tender is done on one of them,
 * and emails and what needs me link to the one where it is done (shared/platform/pages.ts).
 */
export const tenderTabs = [
  { id: 'overview', label: 'Overview', path: staffPaths.tender },
  { id: 'clarifications', label: 'Clarifications', path: staffPaths.tenderClarifications },
  { id: 'bids', label: 'Bids and evaluation', path: staffPaths.tenderBids },
  { id: 'award', label: 'Award', path: staffPaths.tenderAward },
] as const;

export type TenderTab = (typeof tenderTabs)[number]['id'];

export const tabPath = (tab: TenderTab, tenderId: string) =>
  (tenderTabs.find((t) => t.id === tab) ?? tenderTabs[0]).path(encodeURIComponent(tenderId));

export function TenderNavigation({ view, current }: { view: TenderPageView; current: TenderTab }) {
  return (
    <SubNavigation
      label="Tender"
      items={tenderTabs.map((t) => ({ href: t.path(encodeURIComponent(view.id)), label: t.label, current: t.id === current }))}
    />
  );
}

export interface SectionProps {
  view: TenderPageView;
  csrf: string;
  errors: FieldError[];
  typed: Record<string, string>;
  /** The providers on grantloop, where the page offers to invite one. */
  providers?: { id: string; name: string }[];
}

/**
 * The form every section posts: to the page it is on, with the session's token and the action it
 * runs. Its id is what a refusal that is no one field's links to (tender-actions.ts).
 */
export function ActionForm(p: { view: TenderPageView; csrf: string; action: string; id?: string; tab: TenderTab; children: Child }) {
  return (
    <form method="post" action={tabPath(p.tab, p.view.id)} id={p.id ?? p.action} novalidate>
      <Csrf token={p.csrf} />
      <input type="hidden" name="action" value={p.action} />
      {p.children}
    </form>
  );
}

/** A lot's outcome in words: the recommended or awarded bidder and price (the score only for those who read the evaluation). */
export function lotOutcome(view: TenderPageView, lotId: string): string {
  const o = view.outcomes.find((x) => x.lotId === lotId);
  if (!o) return 'Not evaluated yet';
  if (!o.winner) return `${humanise(o.status)}${o.reason ? `: ${o.reason}` : ''}`;
  const score = o.winner.total === undefined ? '' : ` (score ${oneDecimal(o.winner.total)})`;
  return `${humanise(o.status)}: ${o.winner.orgName}, ${pounds(o.winner.price)}${score}`;
}
