import type { Caller } from '../../shared/consortia/caller';
import { tendersTable } from '../../shared/tenders/aws';
import { panelView } from '../../shared/tenders/panel-view';
import { listQuestions } from '../../shared/tenders/providers';
import { loadTender } from '../../shared/tenders/tenders';
import { tenderView } from '../../shared/tenders/views';
import type { Page } from '../consortia/web-sessions';
import type { FieldError } from '../lib/web/govuk';
import { doneMessages, runAction } from './tender-actions';
import { TenderView } from './tender-view';

/** Everything the tender page shows, and which of its forms this caller may use. */
export async function tenderPageView(caller: Caller, tenderId: string) {
  const deps = tendersTable;
  const view = await tenderView(deps, caller, tenderId);
  const [questions, orgs, panel] = await Promise.all([
    listQuestions(deps, caller, tenderId),
    deps.consortia.getOrganisations(view.funders.map((f) => f.orgId)),
    view.bids.sealed ? Promise.resolve(undefined) : panelView(deps, caller, tenderId),
  ]);
  const officerOf = (orgId: string) => caller.memberships.some((m) => m.orgId === orgId && m.role !== 'viewer');
  const myFunder = view.funders.find((f) => officerOf(f.orgId))?.orgId;
  return {
    ...view,
    questionList: questions,
    orgName: (id: string) => orgs.get(id)?.name ?? id,
    panel,
    may: {
      signOff: view.status === 'sign-off' && Boolean(myFunder) && !view.signOffs.some((s) => s.orgId === myFunder),
      evaluate: view.status === 'evaluation',
      vote: view.status === 'award-decision' && Boolean(myFunder) && !view.awardVotes.some((v) => v.orgId === myFunder),
    },
  };
}

export type TenderPageView = Awaited<ReturnType<typeof tenderPageView>>;

/** A tender for staff: its stage, sign-offs, clarifications, bids (a count only after the deadline), evaluation and award. */
export const tenderPage: Page = async ({ caller, params, method, form, query, csrf }) => {
  const tenderId = params.tenderId ?? '';
  let errors: FieldError[] = [];
  if (method === 'POST') {
    const { tender } = await loadTender(tendersTable, tenderId);
    const outcome = await runAction(caller, tender, form);
    if ('done' in outcome) return { redirect: `/app/tenders/${encodeURIComponent(tenderId)}?done=${outcome.done}` };
    errors = outcome.errors;
  }
  const view = await tenderPageView(caller, tenderId);
  const banner = doneMessages[query.done ?? ''];
  return {
    title: `${errors.length ? 'Error: ' : ''}${view.title}`,
    status: errors.length ? 400 : 200,
    section: 'consortia',
    body: <TenderView view={view} csrf={csrf} errors={errors} typed={method === 'POST' ? form : {}} banner={banner} />,
  };
};
