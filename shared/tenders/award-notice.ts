import { londonDate, londonTime } from '../platform/london-time';
import { sendOnce } from '../platform/send-once';
import { assessmentSummaryEmail } from './assessment-mail';
import { assessmentSummaries } from './assessment-summary';
import { bidderMail } from './bidder-mail';
import { requires } from './duties';
import { tenderDuties } from './duty-status';
import { subject } from './events';
import type { Standstill } from './process';
import { awardNoticeEmail } from './provider-mail';
import { standstill } from './statutory-periods';
import { buyerOf, type Mailing, notice, secondsUntil, tellProviders } from './step-mail';
import type { Tender } from './tender';
import { changeTender, loadTender, save } from './tenders';
import { WAIT } from './waits';

/**
 * The award, once the funders approve it: first every bidder's assessment summary (s.50(3):
 * before the contract award notice), then the contract award notice (UK6, s.50(1)) where the
 * regime requires one, and the standstill it starts: mandatory above threshold (s.51(2)),
 * voluntary where the consortium chose one for a light-touch contract (s.51(5)), none otherwise.
 */

/** What the bidder is told comes next, in words: the summary goes before the notice, so no dates yet. */
function nextStep(t: Tender): string {
  const duties = tenderDuties(t);
  const days = duties.find((d) => d.id === 'standstill');
  if (!requires(duties, 'UK6'))
    return 'Below the Procurement Act threshold there is no contract award notice or standstill period: the contract will be entered into shortly.';
  if (days?.required === 'yes')
    return 'The contract award notice will be published next. A standstill period of eight working days begins on the day it is published: no contract is entered into before it ends, and you will be told its dates.';
  if (days?.required === 'voluntary')
    return `The contract award notice will be published next. The funders chose a standstill period of ${t.voluntaryStandstillDays} working days, beginning on the day it is published: no contract is entered into before it ends, and you will be told its dates.`;
  return 'The contract award notice will be published next. A light-touch contract has no standstill period, so the contract may be entered into once the notice is published.';
}

/** Sends each bidder its summary (once each, whatever retries), then records on the tender when they went. */
export async function sendAssessmentSummaries(deps: Mailing, input: { tenderId: string }) {
  await deps.platform.takeWaitingTask(subject.tender(input.tenderId), WAIT.awardDecision);
  const { tender, consortium } = await loadTender(deps, input.tenderId);
  if (tender.status !== 'award-decision' || tender.assessmentSummaries) return { tenderId: tender.id, sent: 0 };
  const bids = await deps.tenders.listBids(tender, deps.clock.now());
  const byBidder = assessmentSummaries(tender, bids);
  const buyer = (await deps.consortia.getOrganisations([tender.buyerOrgId])).get(tender.buyerOrgId);
  let sent = 0;
  for (const interest of await deps.tenders.listInterests(tender.id)) {
    const lots = byBidder.get(interest.id);
    if (!lots?.length) continue;
    const email = assessmentSummaryEmail({ ...bidderMail(tender, consortium.name, buyer, interest), lots, next: nextStep(tender) });
    if (await sendOnce(deps, `${tender.id}#assessment-summary#${interest.id}`, email)) sent++;
  }
  // Recorded only once every summary has gone: the contract award notice checks for it.
  const saved = await changeTender(deps, tender.id, async (t) => {
    if (t.status !== 'award-decision' || t.assessmentSummaries) return t;
    const lotIds = t.outcomes.filter((o) => o.status === 'recommended').map((o) => o.lotId);
    const record = { sentAt: deps.clock.now().toISOString(), lotIds, bidders: byBidder.size };
    return save(deps, t, { assessmentSummaries: record }, 'tender.assessment-summaries-sent', 'workflow', { ...record });
  });
  return { tenderId: saved.id, sent, bidders: byBidder.size };
}

/** The standstill the regime asks for, if any: its length in working days and whether the Act requires it. */
function standstillOf(t: Tender): { kind: Standstill['kind']; workingDays: number } | undefined {
  const duty = tenderDuties(t).find((d) => d.id === 'standstill');
  if (duty?.required === 'yes') return { kind: 'mandatory', workingDays: 8 };
  if (duty?.required === 'voluntary') return { kind: 'voluntary', workingDays: t.voluntaryStandstillDays ?? 8 };
  return undefined;
}

/** Publishes the UK6 where required and starts the standstill; below threshold, the award simply proceeds. */
export async function startStandstill(deps: Mailing, input: { tenderId: string }) {
  await deps.platform.takeWaitingTask(subject.tender(input.tenderId), WAIT.awardDecision);
  const saved = await changeTender(deps, input.tenderId, async (tender) => {
    if (tender.status !== 'award-decision' || tender.awardApprovedAt) return tender;
    const recommended = tender.outcomes.filter((o) => o.status === 'recommended').map((o) => o.lotId);
    const duties = tenderDuties(tender);
    const awardApprovedAt = deps.clock.now().toISOString();
    if (!requires(duties, 'UK6'))
      return save(deps, tender, { awardApprovedAt }, 'tender.award-approved', 'workflow', { lots: recommended });
    if (requires(duties, 'assessment-summaries') && !tender.assessmentSummaries)
      throw new Error(`tender ${tender.id}: the assessment summaries must be sent before the contract award notice (s.50(3))`);
    const notices = [...tender.notices, notice(deps, 'UK6', recommended)];
    const wanted = standstillOf(tender);
    if (!wanted)
      return save(deps, tender, { notices, awardApprovedAt }, 'tender.award-notice-published', 'workflow', { lots: recommended });
    const period = standstill(londonDate(deps.clock.now()), wanted.workingDays);
    const window: Standstill = {
      ...wanted,
      startsOn: period.firstDay,
      endsOn: period.lastDay,
      endsAt: londonTime(period.endsAfter, '00:00').toISOString(),
    };
    return save(
      deps,
      tender,
      { status: 'standstill', standstill: window, notices, awardApprovedAt },
      'tender.standstill-started',
      'workflow',
      {
        ...window,
      },
    );
  });
  if (saved.standstill) await tellOfStandstill(deps, saved, saved.standstill);
  return {
    tenderId: saved.id,
    awardNotice: saved.notices.some((n) => n.type === 'UK6'),
    standstill: saved.standstill?.kind ?? 'none',
    secondsUntilEnd: saved.standstill ? secondsUntil(deps, saved.standstill.endsAt) : 1,
    lotIds: saved.outcomes.filter((o) => o.status === 'recommended').map((o) => o.lotId),
  };
}

async function tellOfStandstill(deps: Mailing, t: Tender, s: Standstill) {
  const published = t.notices.find((n) => n.type === 'UK6')?.publishedAt ?? s.endsAt;
  const why = s.kind === 'mandatory' ? 'the Procurement Act 2023 requires (section 51)' : 'the funders chose';
  const buyer = await buyerOf(deps, t);
  const told = { publishedAt: published, workingDays: s.workingDays, why, startsOn: s.startsOn, endsOn: s.endsOn };
  await tellProviders(deps, t, 'standstill', (interest) =>
    t.outcomes.some((o) => o.ranking?.some((r) => r.bidId.startsWith(`${interest.id}.`)))
      ? awardNoticeEmail(t, interest, buyer, told)
      : undefined,
  );
}
