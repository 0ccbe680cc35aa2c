import { makeEvent as consortiaEvent, subject as consortiaSubject } from '../consortia/events';
import type { Organisation } from '../consortia/organisation';
import { prepareOrganisation } from '../consortia/organisation';
import { DomainError } from '../platform/errors';
import { newId } from '../platform/ids';
import { londonDate, londonTime } from '../platform/london-time';
import { formatPounds } from '../platform/money';
import { type Callback, park } from '../platform/waiting';
import { subject } from './events';
import { awardLotFromReserve, releaseReserve } from './money';
import { type Mailing, type Money, notice, type Records, secondsUntil, tellFunders, tellProviders } from './step-mail';
import type { Interest } from './store';
import { changeTender, loadTender, save } from './tenders';
import { WAIT } from './waits';
import { standstill } from './working-days';

/** The award's steps: standstill and challenges (above threshold), each lot's grant, the end. */

/**
 * The award is approved: above threshold, the UK6 contract award notice is published and the
 * standstill (eight working days beginning with that day, bank holidays excluded) begins; below
 * threshold there is no UK6 and no standstill.
 */
export async function startStandstill(deps: Mailing, input: { tenderId: string }) {
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

export async function awaitStandstill(deps: Records, input: { tenderId: string } & Callback) {
  const { tender } = await loadTender(deps, input.tenderId);
  return { waitingUntil: await park(deps, subject.tender(tender.id), WAIT.standstill, input, tender.standstill?.endsAt ?? 1) };
}

/** Whether a lot's award waits for a challenge to be resolved. */
export async function checkLot(deps: Records, input: { tenderId: string; lotId: string }) {
  await deps.platform.takeWaitingTask(subject.tender(input.tenderId), WAIT.standstill);
  const { tender } = await loadTender(deps, input.tenderId);
  return { lotId: input.lotId, challenged: tender.challenges.some((c) => c.lotId === input.lotId && c.status === 'open') };
}

/** The challenge was resolved between the check and the park: the workflow's Catch checks the lot again. */
export class ChallengeResolvedError extends Error {
  constructor(lotId: string) {
    super(`the challenge on lot ${lotId} was resolved before the workflow waited for it`);
    this.name = 'ChallengeResolved';
  }
}

export async function awaitChallenge(deps: Records, input: { tenderId: string; lotId: string } & Callback) {
  const waitingUntil = await park(deps, subject.tender(input.tenderId), WAIT.challenge(input.lotId), input, 90);
  // Read after parking: a resolution before the park found nothing to resume, so say so here.
  const { tender } = await loadTender(deps, input.tenderId);
  if (!tender.challenges.some((c) => c.lotId === input.lotId && c.status === 'open')) throw new ChallengeResolvedError(input.lotId);
  return { waitingUntil };
}

/** The winner as an organisation: found by its identifier, or registered as a provider now. */
async function winnerOrg(deps: Records, interest: Interest): Promise<Organisation> {
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
export async function awardLot(deps: Records & Money, input: { tenderId: string; lotId: string }) {
  await deps.platform.takeWaitingTask(subject.tender(input.tenderId), WAIT.challenge(input.lotId));
  const { tender } = await loadTender(deps, input.tenderId);
  const outcome = tender.outcomes.find((o) => o.lotId === input.lotId);
  if (outcome?.status !== 'recommended' || !outcome.winner) return { lotId: input.lotId, status: outcome?.status ?? 'unknown' };
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
export async function completeTender(deps: Mailing & Money, input: { tenderId: string }) {
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
