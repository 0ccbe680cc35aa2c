import { mayAct } from '../../shared/consortia/access';
import type { Caller } from '../../shared/consortia/caller';
import { tendersTable } from '../../shared/tenders/aws';
import { panelOf } from '../../shared/tenders/panel-view';
import { withoutAskers } from '../../shared/tenders/providers';
import { readableTender } from '../../shared/tenders/tenders';
import { readForStaff, summariseTender } from '../../shared/tenders/views';
import type { Page } from '../consortia/web-sessions';
import type { FieldError } from '../lib/web/govuk';
import { consortiumCrumbs } from '../lib/web/navigation';
import { doneMessages, runAction } from './tender-actions';
import { TenderView } from './tender-view';

/** Everything the tender page shows, and which of its forms this caller may use: one read of the table. */
export async function tenderPageView(caller: Caller, tenderId: string) {
  const reading = await readForStaff(tendersTable, caller, tenderId, { forPanel: true });
  const view = summariseTender(reading);
  const orgs = await tendersTable.consortia.getOrganisations(view.funders.map((f) => f.orgId));
  const panel = panelOf(reading, caller);
  const officerOf = (orgId: string) => caller.memberships.some((m) => m.orgId === orgId && m.role !== 'viewer');
  const myFunder = view.funders.find((f) => officerOf(f.orgId))?.orgId;
  return {
    ...view,
    questionList: withoutAskers(reading.questions),
    orgName: (id: string) => orgs.get(id)?.name ?? id,
    panel,
    may: {
      answer: view.status === 'published' && reading.panelRole.moderator,
      signOff: view.status === 'sign-off' && Boolean(myFunder) && !view.signOffs.some((s) => s.orgId === myFunder),
      evaluate: view.status === 'evaluation',
      vote: view.status === 'award-decision' && Boolean(myFunder) && !view.awardVotes.some((v) => v.orgId === myFunder),
      draft: view.status === 'draft' && mayAct(caller, reading.consortium, ['lead'], 'officer'),
      leadDecision:
        view.status === 'sign-off' &&
        Boolean(view.signOffEscalation && !view.signOffEscalation.decision) &&
        mayAct(caller, reading.consortium, ['lead'], 'admin'),
    },
  };
}

export type TenderPageView = Awaited<ReturnType<typeof tenderPageView>>;

/** A tender for staff: its stage, sign-offs, clarifications, bids (a count only after the deadline), evaluation and award. */
export const tenderPage: Page = async ({ caller, params, method, form, posted, query, csrf }) => {
  const tenderId = params.tenderId ?? '';
  let errors: FieldError[] = [];
  if (method === 'POST') {
    // Outsiders first get the not-found a made-up id gets, whatever the form says.
    const { tender } = await readableTender(tendersTable, caller, tenderId);
    const outcome = await runAction(caller, tender, posted);
    if ('done' in outcome) return { redirect: `/app/tenders/${encodeURIComponent(tenderId)}?done=${outcome.done}` };
    errors = outcome.errors;
  }
  const view = await tenderPageView(caller, tenderId);
  const banner = doneMessages[query.done ?? ''];
  return {
    title: `${errors.length ? 'Error: ' : ''}${view.title}`,
    status: errors.length ? 400 : 200,
    section: 'tenders',
    consortium: { id: view.consortiumId, name: view.consortiumName },
    crumbs: consortiumCrumbs({ id: view.consortiumId, name: view.consortiumName }, 'tenders'),
    body: <TenderView view={view} csrf={csrf} errors={errors} typed={method === 'POST' ? form : {}} banner={banner} />,
  };
};
