import { makeEvent as consortiaEvent, subject as consortiaSubject } from '../consortia/events';
import type { Organisation } from '../consortia/organisation';
import { prepareOrganisation } from '../consortia/organisation';
import { DomainError } from '../platform/errors';
import { newId } from '../platform/ids';
import { londonDate, londonTime } from '../platform/london-time';
import { formatPounds } from '../platform/money';
import { staffPageUrl, staffPaths } from '../platform/pages';
import type { Email } from '../platform/ports';
import { sendOnce } from '../platform/send-once';
import { type Callback, park, resume } from '../platform/waiting';
import { awardTally } from './award';
import { subject } from './events';
import { awardLotFromReserve, releaseReserve, reserveAndPublish } from './money';
import type { LotOutcome, Notice } from './process';
import { executionName, TENDER_WORKFLOW } from './sign-off';
import type { Interest, TendersDeps } from './store';
import type { Tender } from './tender';
import { changeTender, loadTender, save, type TenderRecords } from './tenders';
import { AWARD_VOTE_WINDOW_DAYS, WAIT } from './waits';
import { standstill } from './working-days';

type Steps = TenderRecords & Pick<TendersDeps, 'platform' | 'workflows' | 'mailer'>;

const secondsUntil = (deps: { clock: { now(): Date } }, iso: string) =>
  Math.max(1, Math.ceil((Date.parse(iso) - deps.clock.now().getTime()) / 1000));
const notice = (deps: { clock: { now(): Date } }, type: Notice['type'], lotIds: string[]): Notice => ({
  type,
  publishedAt: deps.clock.now().toISOString(),
  lotIds,
});
const footer = (name: string) => `\n\n--\nSent by grantloop for the ${name} consortium.`;

export async function startTenderWorkflow(deps: Pick<TendersDeps, 'workflows'>, input: { tenderId: string; attempt: number }) {
  return deps.workflows.start(TENDER_WORKFLOW, executionName({ id: input.tenderId, attempt: input.attempt }), { tenderId: input.tenderId });
}

async function tellFunders(deps: Steps, tender: Tender, scope: string, subjectLine: string, body: string) {
  const { consortium } = await loadTender(deps, tender.id);
  const orgs = await deps.consortia.getOrganisations(tender.funders.map((f) => f.orgId));
  let sent = 0;
  for (const org of orgs.values()) {
    const email: Email = {
      to: [org.contactEmail],
      subject: `${consortium.name}: ${subjectLine}`,
      text: `Hello,\n\n${body}\n\nSee the tender in grantloop: ${staffPageUrl(staffPaths.tender(tender.id))}${footer(consortium.name)}`,
    };
    if (await sendOnce(deps, `${tender.id}#${scope}#${org.id}`, email)) sent++;
  }
  return sent;
}

async function tellProviders(
  deps: Steps,
  tender: Tender,
  scope: string,
  write: (i: Interest) => { subject: string; text: string } | undefined,
) {
  let sent = 0;
  for (const interest of await deps.tenders.listInterests(tender.id)) {
    const mail = write(interest);
    if (mail && (await sendOnce(deps, `${tender.id}#${scope}#${interest.id}`, { to: [interest.email], ...mail }))) sent++;
  }
  return sent;
}

/** Publishes: the budget is reserved in the pool (each funder's share from its own money) and the UK4 tender notice recorded. */
export async function publishTender(deps: Steps, input: { tenderId: string }) {
  const saved = await changeTender(deps, input.tenderId, async (tender) => {
    if (tender.status !== 'sign-off') return tender;
    const now = deps.clock.now().toISOString();
    return reserveAndPublish(
      deps,
      tender,
      {
        status: 'published',
        publishedAt: now,
        notices: [
          ...tender.notices,
          notice(
            deps,
            'UK4',
            tender.lots.map((l) => l.id),
          ),
        ],
      },
      'workflow',
    );
  });
  await deps.platform.takeWaitingTask(subject.tender(saved.id), WAIT.signOff);
  await tellFunders(
    deps,
    saved,
    'published',
    `"${saved.title}" is published`,
    `All funders signed off "${saved.title}". Its budget of ${formatPounds(saved.reserved.reduce((a, r) => a + r.amount, 0))} is reserved in the pool, and bids are due by ${saved.dates.submissionDeadline.slice(0, 16).replace('T', ' ')} UTC.`,
  );
  return {
    tenderId: saved.id,
    status: saved.status,
    secondsUntilDeadline: secondsUntil(deps, saved.dates.submissionDeadline),
    aboveThreshold: saved.aboveThreshold,
  };
}

/** Waits for the submission deadline (the step's timeout); only a cancellation ends the wait early. */
export async function awaitDeadline(deps: Steps, input: { tenderId: string } & Callback) {
  const { tender } = await loadTender(deps, input.tenderId);
  return { waitingUntil: await park(deps, subject.tender(tender.id), WAIT.deadline, input, tender.dates.submissionDeadline) };
}

/** The deadline has passed: bids are unsealed, lots without bids are marked, and the panel is asked to score. */
export async function closeSubmissions(deps: Steps, input: { tenderId: string }) {
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
    const panel = await Promise.all(saved.panel.map((id) => deps.consortia.getUser(id)));
    for (const user of panel) {
      if (!user) continue;
      await sendOnce(deps, `${saved.id}#panel#${user.id}`, {
        to: [user.email],
        subject: `"${saved.title}": ${bids.length} bid${bids.length === 1 ? '' : 's'} to score`,
        text: `Hello ${user.name},\n\nThe deadline for "${saved.title}" has passed and the bids are open. As a member of the evaluation panel, please declare any conflict of interest in a bid and score the others independently by ${saved.dates.evaluationEnd.slice(0, 10)}: ${staffPageUrl(staffPaths.tender(saved.id))}\n\n--\nSent by grantloop.`,
      });
    }
  }
  return { tenderId: saved.id, bids: bids.length, lotsWithBids };
}

/** Parks the evaluation token; the lead completing evaluation resumes it. */
export async function awaitEvaluation(deps: Steps, input: { tenderId: string } & Callback) {
  const { tender } = await loadTender(deps, input.tenderId);
  const until = new Date(Date.parse(tender.dates.evaluationEnd) + 60 * 86400_000).toISOString();
  return { waitingUntil: await park(deps, subject.tender(tender.id), WAIT.evaluation, input, until) };
}

/** Asks the funders to approve the recommended award (weighted by contribution, the consortium's quorum). */
export async function requestAwardVotes(deps: Steps, input: { tenderId: string } & Callback) {
  const { tender, consortium } = await loadTender(deps, input.tenderId);
  const deadline = await park(deps, subject.tender(tender.id), WAIT.awardDecision, input, AWARD_VOTE_WINDOW_DAYS);
  const lines = tender.outcomes
    .map(
      (o) =>
        `  - ${tender.lots.find((l) => l.id === o.lotId)?.title}: ${o.winner ? `${o.winner.orgName}, ${formatPounds(o.winner.price)} (score ${o.winner.total})` : 'no award'}`,
    )
    .join('\n');
  const sent = await tellFunders(
    deps,
    tender,
    'award-vote',
    `approve the award of "${tender.title}"`,
    `The panel has evaluated "${tender.title}" and recommends:\n\n${lines}\n\nPlease approve or reject the award by ${deadline.slice(0, 10)}. Votes count in proportion to each funder's contribution; the award passes when funders holding ${consortium.quorumPercent}% of it approve.`,
  );
  const t = awardTally(tender, consortium.quorumPercent);
  if (t.outcome !== 'pending') await resume(deps, subject.tender(tender.id), WAIT.awardDecision, { outcome: t.outcome });
  return { emailsSent: sent, waitingUntil: deadline };
}

/**
 * The award is approved: above threshold, the UK6 contract award notice is published and the
 * standstill (eight working days beginning with that day, bank holidays excluded) begins; below
 * threshold there is no UK6 and no standstill.
 */
export async function startStandstill(deps: Steps, input: { tenderId: string }) {
  await deps.platform.takeWaitingTask(subject.tender(input.tenderId), WAIT.awardDecision);
  const saved = await changeTender(deps, input.tenderId, async (tender) => {
    if (tender.status !== 'award-decision') return tender;
    const recommended = tender.outcomes.filter((o) => o.status === 'recommended').map((o) => o.lotId);
    if (!tender.aboveThreshold) return save(deps, tender, {}, 'tender.award-approved', 'workflow', { lots: recommended });
    const today = londonDate(deps.clock.now());
    const period = standstill(today);
    const window = { startsOn: period.firstDay, endsOn: period.lastDay, endsAt: londonTime(period.endsAfter, '00:00').toISOString() };
    return save(
      deps,
      tender,
      { status: 'standstill', standstill: window, notices: [...tender.notices, notice(deps, 'UK6', recommended)] },
      'tender.standstill-started',
      'workflow',
      { ...window },
    );
  });
  const lotIds = saved.outcomes.filter((o) => o.status === 'recommended').map((o) => o.lotId);
  if (saved.standstill) {
    const ends = saved.standstill.endsOn;
    await tellProviders(deps, saved, 'standstill', (interest) => {
      const lines = saved.outcomes.flatMap((o) => {
        const rank = o.ranking?.find((r) => r.bidId.startsWith(`${interest.id}.`));
        if (!rank) return [];
        const title = saved.lots.find((l) => l.id === o.lotId)?.title;
        return [
          o.winner?.interestId === interest.id
            ? `  - ${title}: your bid is successful (score ${rank.total}).`
            : `  - ${title}: your bid was not successful (your score ${rank.total}; the winning score ${o.winner?.total ?? '-'}).`,
        ];
      });
      return lines.length
        ? {
            subject: `${saved.title}: award decision`,
            text: `Hello ${interest.orgName},\n\nThe award decision on "${saved.title}":\n\n${lines.join('\n')}\n\nA standstill period runs until the end of ${ends}. No contract is entered into before then; a challenge made during it pauses the award of that lot.\n\n--\nSent by grantloop.`,
          }
        : undefined;
    });
  }
  return {
    tenderId: saved.id,
    standstill: Boolean(saved.standstill),
    secondsUntilEnd: saved.standstill ? secondsUntil(deps, saved.standstill.endsAt) : 1,
    lotIds,
  };
}

export async function awaitStandstill(deps: Steps, input: { tenderId: string } & Callback) {
  const { tender } = await loadTender(deps, input.tenderId);
  return { waitingUntil: await park(deps, subject.tender(tender.id), WAIT.standstill, input, tender.standstill?.endsAt ?? 1) };
}

/** Whether a lot's award waits for a challenge to be resolved. */
export async function checkLot(deps: Steps, input: { tenderId: string; lotId: string }) {
  await deps.platform.takeWaitingTask(subject.tender(input.tenderId), WAIT.standstill);
  const { tender } = await loadTender(deps, input.tenderId);
  return { lotId: input.lotId, challenged: tender.challenges.some((c) => c.lotId === input.lotId && c.status === 'open') };
}

export async function awaitChallenge(deps: Steps, input: { tenderId: string; lotId: string } & Callback) {
  const { tender } = await loadTender(deps, input.tenderId);
  const open = tender.challenges.find((c) => c.lotId === input.lotId && c.status === 'open');
  const waitingUntil = await park(deps, subject.tender(tender.id), WAIT.challenge(input.lotId), input, 90);
  // Resolved between the check and the park: go on at once.
  if (!open) await resume(deps, subject.tender(tender.id), WAIT.challenge(input.lotId), { outcome: 'resolved' });
  return { waitingUntil };
}

/** The winner as an organisation: found by its identifier, or registered as a provider now. */
async function winnerOrg(deps: Steps, interest: Interest): Promise<Organisation> {
  if (interest.identifier) {
    const found = await deps.consortia.findOrganisationByIdentifier(interest.identifier);
    if (found) return found;
  }
  const now = deps.clock.now();
  const org = prepareOrganisation(
    {
      name: interest.orgName,
      kind: 'provider',
      identifier: interest.identifier ?? `XI-GRANTLOOP-${interest.id}`,
      contactEmail: interest.email,
    },
    newId(now),
    now,
  );
  try {
    await deps.consortia.createOrganisation(
      org,
      consortiaEvent('organisation.created', consortiaSubject.organisation(org.id), 'workflow', { orgId: org.id, kind: org.kind }, now),
    );
    return org;
  } catch (error) {
    const again =
      error instanceof DomainError && interest.identifier
        ? await deps.consortia.findOrganisationByIdentifier(interest.identifier)
        : undefined;
    if (again) return again;
    throw error;
  }
}

/** Awards one lot (a grant for the winning price, committed from the reserve) or, if a challenge was upheld, fails it. */
export async function awardLot(deps: Steps, input: { tenderId: string; lotId: string }) {
  await deps.platform.takeWaitingTask(subject.tender(input.tenderId), WAIT.challenge(input.lotId));
  const { tender } = await loadTender(deps, input.tenderId);
  const outcome = tender.outcomes.find((o) => o.lotId === input.lotId);
  if (!outcome || outcome.status !== 'recommended' || !outcome.winner) return { lotId: input.lotId, status: outcome?.status ?? 'unknown' };
  const upheld = tender.challenges.find((c) => c.lotId === input.lotId && c.status === 'upheld');
  if (upheld) {
    const saved = await changeTender(deps, tender.id, async (t) =>
      save(
        deps,
        t,
        {
          outcomes: t.outcomes.map((o) =>
            o.lotId === input.lotId ? { ...o, status: 'failed', reason: `challenge upheld: ${upheld.resolution}` } : o,
          ),
        },
        'tender.lot-failed',
        'workflow',
        { lotId: input.lotId },
      ),
    );
    return { lotId: input.lotId, status: saved.outcomes.find((o) => o.lotId === input.lotId)?.status };
  }
  const interest = await deps.tenders.getInterest(tender.id, outcome.winner.interestId);
  if (!interest) throw new Error(`interest ${outcome.winner.interestId} is missing`);
  const org = await winnerOrg(deps, interest);
  const lot = tender.lots.find((l) => l.id === input.lotId);
  const grantId = outcome.grantId ?? newId(deps.clock.now());
  const result = await changeTender(deps, tender.id, async (t) => {
    const o = t.outcomes.find((x) => x.lotId === input.lotId);
    // Cancelled meanwhile: its reserve is already back with the funders.
    if (t.status === 'cancelled' || o?.status !== 'recommended' || !o.winner) return { tender: t };
    const now = deps.clock.now().toISOString();
    return awardLotFromReserve(
      deps,
      t,
      input.lotId,
      {
        grantId,
        recipientOrgId: org.id,
        price: o.winner.price,
        title: `${t.title}: ${lot?.title ?? input.lotId}`,
        durationMonths: t.contractMonths ?? 36,
        plannedStart: londonDate(deps.clock.now()),
      },
      { outcomes: t.outcomes.map((x) => (x.lotId === input.lotId ? { ...x, status: 'awarded', grantId, awardedAt: now } : x)) },
      'workflow',
    );
  });
  return { lotId: input.lotId, status: 'awarded', grantId, recipientOrgId: org.id, shares: 'shares' in result ? result.shares.length : 0 };
}

/** After every lot: what is left in the reserve goes back, the UK7 contract details notice is recorded, and everyone is told. */
export async function completeTender(deps: Steps, input: { tenderId: string }) {
  const saved = await changeTender(deps, input.tenderId, async (tender) => {
    if (!['award-decision', 'standstill'].includes(tender.status)) return tender;
    const awarded = tender.outcomes.filter((o) => o.status === 'awarded').map((o) => o.lotId);
    const now = deps.clock.now().toISOString();
    const status = awarded.length ? 'awarded' : 'unsuccessful';
    const notices = awarded.length ? [...tender.notices, notice(deps, 'UK7', awarded)] : tender.notices;
    return releaseReserve(
      deps,
      tender,
      { status, notices, closedAt: now },
      awarded.length ? 'tender.completed' : 'tender.unsuccessful',
      'workflow',
      { awarded },
    );
  });
  const lines = saved.outcomes
    .map(
      (o) =>
        `  - ${saved.lots.find((l) => l.id === o.lotId)?.title}: ${o.status === 'awarded' && o.winner ? `awarded to ${o.winner.orgName} for ${formatPounds(o.winner.price)}` : `not awarded${o.reason ? ` (${o.reason})` : ''}`}`,
    )
    .join('\n');
  await tellFunders(
    deps,
    saved,
    'completed',
    `"${saved.title}" is ${saved.status}`,
    `"${saved.title}" is ${saved.status}:\n\n${lines}\n\nEach award is a grant committed from the pool, split between the funders in proportion to what each still held for the tender; anything left is available again.`,
  );
  await tellProviders(deps, saved, 'awarded', (interest) => {
    const won = saved.outcomes.filter((o) => o.status === 'awarded' && o.winner?.interestId === interest.id);
    return won.length
      ? {
          subject: `${saved.title}: contract awarded`,
          text: `Hello ${interest.orgName},\n\nYou have been awarded: ${won.map((o) => saved.lots.find((l) => l.id === o.lotId)?.title).join(', ')}. The lead funder will be in touch about the agreement and the first payment.\n\n--\nSent by grantloop.`,
        }
      : undefined;
  });
  return { tenderId: saved.id, status: saved.status, awarded: saved.outcomes.filter((o) => o.status === 'awarded').length };
}

/** No bids at all, or the award was not approved: the tender ends and its budget goes back to the funders. */
export async function endUnsuccessful(deps: Steps, input: { tenderId: string; reason: string }) {
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
  await tellFunders(
    deps,
    saved,
    'ended',
    `"${saved.title}" ended without an award`,
    `"${saved.title}" ended without an award: ${saved.cancellation?.reason ?? 'no bids were received'}. The money reserved for it is available in the pool again.`,
  );
  return { tenderId: saved.id, status: saved.status };
}

/** After a cancellation (its money was released by the cancelling call): tell funders and providers. */
export async function tenderCancelled(deps: Steps, input: { tenderId: string }) {
  const { tender } = await loadTender(deps, input.tenderId);
  const reason = tender.cancellation?.reason ?? 'no reason recorded';
  const funders = await tellFunders(
    deps,
    tender,
    'cancelled',
    `"${tender.title}" was cancelled`,
    `"${tender.title}" was cancelled: ${reason}. The money reserved for it is available in the pool again.`,
  );
  const providers = await tellProviders(deps, tender, 'cancelled', (i) => ({
    subject: `${tender.title}: cancelled`,
    text: `Hello ${i.orgName},\n\n"${tender.title}" has been cancelled: ${reason}. Thank you for your interest.\n\n--\nSent by grantloop.`,
  }));
  return { tenderId: tender.id, status: tender.status, emailsSent: funders + providers };
}
