import { mayAct } from '../../shared/consortia/access';
import type { Caller } from '../../shared/consortia/caller';
import { tendersTable } from '../../shared/tenders/aws';
import { panelOf } from '../../shared/tenders/panel-view';
import { withoutAskers } from '../../shared/tenders/providers';
import type { TenderStatus } from '../../shared/tenders/tender';
import { readForStaff, summariseTender } from '../../shared/tenders/views';

// Apart from the page (tender-page.tsx), so the parts and sections that draw this view need not
// import the page that imports them (no import cycle).

/** Stages a tender can be cancelled in (cancelTender's rule): before its award. */
const cancellable = new Set<TenderStatus>(['draft', 'sign-off', 'published', 'evaluation', 'award-decision', 'standstill']);

/**
 * Everything a tender's pages show, and which of their forms this caller may use (each as its
 * use case allows): one read of the table. Bids are read with their bidders only for the bids
 * page, where the panel scores them.
 */
export async function tenderPageView(caller: Caller, tenderId: string, forPanel: boolean) {
  const reading = await readForStaff(tendersTable, caller, tenderId, { forPanel });
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
