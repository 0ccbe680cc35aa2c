import { pounds, timeInWords } from '../platform/format';
import { staffPaths } from '../platform/pages';
import { sendOnce } from '../platform/send-once';
import { type Callback, park, resume } from '../platform/waiting';
import { requires } from './duties';
import { regimeOfTender, tenderDuties } from './duty-status';
import { subject } from './events';
import { scoringRequestEmail } from './funder-mail';
import { releaseReserve, reserveAndPublish } from './money';
import type { LotOutcome } from './process';
import { tenderCancelledEmail } from './provider-mail';
import { executionName, TENDER_WORKFLOW } from './sign-off';
import {
  buyerOf,
  type Mailing,
  type Money,
  notice,
  type Records,
  type Steps,
  secondsUntil,
  tellBidders,
  tellFunders,
  tellProviders,
} from './step-mail';
import type { TendersDeps } from './store';
import { awardTally } from './tallies';
import { changeTender, loadTender, save } from './tenders';
import { AWARD_VOTE_WINDOW_DAYS, WAIT } from './waits';

export async function startTenderWorkflow(deps: Pick<TendersDeps, 'workflows'>, input: { tenderId: string; attempt: number }) {
  return deps.workflows.start(TENDER_WORKFLOW, executionName({ id: input.tenderId, attempt: input.attempt }), { tenderId: input.tenderId });
}

/** Publishes: the budget is reserved in the pool (each funder's share from its own money) and the UK4 tender notice recorded. */
export async function publishTender(deps: Mailing & Money, input: { tenderId: string }) {
  const saved = await changeTender(deps, input.tenderId, async (tender) => {
    if (tender.status !== 'sign-off') return tender;
    const now = deps.clock.now().toISOString();
    // A tender notice where the regime requires one (s.21(1), or s.86 for an advertised notifiable below-threshold tender).
    const uk4 = requires(tenderDuties(tender), 'UK4')
      ? [
          notice(
            deps,
            'UK4',
            tender.lots.map((l) => l.id),
          ),
        ]
      : [];
    return reserveAndPublish(deps, tender, { status: 'published', publishedAt: now, notices: [...tender.notices, ...uk4] }, 'workflow');
  });
  await deps.platform.takeWaitingTask(subject.tender(saved.id), WAIT.signOff);
  await tellFunders(deps, saved, 'published', `"${saved.title}" is published`, [
    `All funders signed off "${saved.title}". Its budget of ${pounds(saved.reserved.reduce((a, r) => a + r.amount, 0))} is reserved in the pool, and bids are due by ${timeInWords(saved.dates.submissionDeadline)}.`,
  ]);
  return {
    tenderId: saved.id,
    status: saved.status,
    secondsUntilDeadline: secondsUntil(deps, saved.dates.submissionDeadline),
    regime: regimeOfTender(saved).regime,
    tenderNotice: saved.notices.some((n) => n.type === 'UK4'),
  };
}

/** Waits for the submission deadline (the step's timeout); only a cancellation ends the wait early. */
export async function awaitDeadline(deps: Records, input: { tenderId: string } & Callback) {
  const { tender } = await loadTender(deps, input.tenderId);
  return { waitingUntil: await park(deps, subject.tender(tender.id), WAIT.deadline, input, tender.dates.submissionDeadline) };
}

/** The deadline has passed: bids are unsealed, lots without bids are marked, and the panel is asked to score. */
export async function closeSubmissions(deps: Mailing, input: { tenderId: string }) {
  await deps.platform.takeWaitingTask(subject.tender(input.tenderId), WAIT.deadline);
  const saved = await changeTender(deps, input.tenderId, async (tender) => {
    if (tender.status !== 'published') return tender;
    const bids = await deps.tenders.listBids(tender, deps.clock.now());
    const outcomes: LotOutcome[] = tender.lots.map((l) => ({
      lotId: l.id,
      status: bids.some((b) => b.lots.some((x) => x.lotId === l.id)) ? 'open' : 'no-bids',
    }));
    return save(deps, tender, { status: 'evaluation', outcomes }, 'tender.submissions-closed', 'workflow', {
      bids: bids.length,
      lotsWithBids: outcomes.filter((o) => o.status === 'open').length,
    });
  });
  const bids = await deps.tenders.listBids(saved, deps.clock.now());
  const lotsWithBids = saved.outcomes.filter((o) => o.status === 'open').length;
  if (lotsWithBids) {
    const { consortium } = await loadTender(deps, saved.id);
    const panel = await Promise.all(saved.panel.map((id) => deps.consortia.getUser(id)));
    for (const user of panel) {
      if (!user) continue;
      await sendOnce(deps, `${saved.id}#panel#${user.id}`, scoringRequestEmail({ consortium, tender: saved }, user, bids.length));
    }
  }
  return { tenderId: saved.id, bids: bids.length, lotsWithBids };
}

/** Parks the evaluation token; the lead completing evaluation resumes it. */
export async function awaitEvaluation(deps: Records, input: { tenderId: string } & Callback) {
  const { tender } = await loadTender(deps, input.tenderId);
  const until = new Date(Date.parse(tender.dates.evaluationEnd) + 60 * 86400_000).toISOString();
  return { waitingUntil: await park(deps, subject.tender(tender.id), WAIT.evaluation, input, until) };
}

/** Asks the funders to approve the recommended award (weighted by contribution, the consortium's quorum). */
export async function requestAwardVotes(deps: Steps, input: { tenderId: string } & Callback) {
  const { tender, consortium } = await loadTender(deps, input.tenderId);
  const deadline = await park(deps, subject.tender(tender.id), WAIT.awardDecision, input, AWARD_VOTE_WINDOW_DAYS);
  const recommended = tender.outcomes.map((o): [string, string] =>
    // No scores: only the panel and the lead's officers read the evaluation (evaluation-access.ts); funders vote on the recommendation.
    [tender.lots.find((l) => l.id === o.lotId)?.title ?? o.lotId, o.winner ? `${o.winner.orgName}, ${pounds(o.winner.price)}` : 'no award'],
  );
  const sent = await tellFunders(
    deps,
    tender,
    'award-vote',
    `approve the award of "${tender.title}"`,
    [
      `The panel has evaluated "${tender.title}" and recommends:`,
      { facts: recommended },
      `Please approve or reject the award by ${timeInWords(deadline)}. Votes count in proportion to each funder's contribution; the award passes when funders holding ${consortium.quorumPercent}% of it approve.`,
    ],
    staffPaths.tenderAward(tender.id),
  );
  const t = awardTally(tender, consortium.quorumPercent);
  if (t.outcome !== 'pending') await resume(deps, subject.tender(tender.id), WAIT.awardDecision, { outcome: t.outcome });
  return { emailsSent: sent, waitingUntil: deadline };
}

/** No bids at all, or the award was not approved: the tender ends and its budget goes back to the funders. */
export async function endUnsuccessful(deps: Mailing & Money, input: { tenderId: string; reason: string }) {
  for (const w of [WAIT.deadline, WAIT.awardDecision, WAIT.evaluation])
    await deps.platform.takeWaitingTask(subject.tender(input.tenderId), w);
  const saved = await changeTender(deps, input.tenderId, async (tender) => {
    if (['awarded', 'unsuccessful', 'cancelled'].includes(tender.status)) return tender;
    const cancelled = input.reason !== 'no-bids';
    const reason = cancelled ? input.reason : 'no bids were received';
    const now = deps.clock.now().toISOString();
    return releaseReserve(
      deps,
      tender,
      cancelled
        ? { status: 'cancelled', cancellation: { reason, at: now, by: 'workflow' }, closedAt: now }
        : { status: 'unsuccessful', closedAt: now },
      cancelled ? 'tender.cancelled' : 'tender.unsuccessful',
      'workflow',
      { reason },
    );
  });
  await tellFunders(deps, saved, 'ended', `"${saved.title}" ended without an award`, [
    `"${saved.title}" ended without an award: ${saved.cancellation?.reason ?? 'no bids were received'}. The money reserved for it is available in the pool again.`,
  ]);
  // Bids were opened and assessed, but nobody is awarded: each bidder hears so for each lot it bid for.
  if (saved.status === 'cancelled' && saved.cancellation?.by === 'workflow') await tellBidders(deps, saved, saved.cancellation.reason);
  return { tenderId: saved.id, status: saved.status };
}

/** After a cancellation (its money was released by the cancelling call): tell funders and providers. */
export async function tenderCancelled(deps: Mailing, input: { tenderId: string }) {
  const { tender } = await loadTender(deps, input.tenderId);
  const reason = tender.cancellation?.reason ?? 'no reason recorded';
  const funders = await tellFunders(deps, tender, 'cancelled', `"${tender.title}" was cancelled`, [
    `"${tender.title}" was cancelled: ${reason}. The money reserved for it is available in the pool again.`,
  ]);
  const buyer = await buyerOf(deps, tender);
  const providers = await tellProviders(deps, tender, 'cancelled', (i) => tenderCancelledEmail(tender, i, buyer, reason));
  return { tenderId: tender.id, status: tender.status, emailsSent: funders + providers };
}
