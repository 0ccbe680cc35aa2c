import { makeEvent as consortiaEvent, subject as consortiaSubject } from '../consortia/events';
import type { Organisation } from '../consortia/organisation';
import { prepareOrganisation } from '../consortia/organisation';
import { DomainError } from '../platform/errors';
import { pounds } from '../platform/format';
import { newId } from '../platform/ids';
import { staffPaths } from '../platform/pages';
import { type Callback, park } from '../platform/waiting';
import { requires } from './duties';
import { tenderDuties } from './duty-status';
import { subject } from './events';
import { awardLotFromReserve, releaseReserve } from './money';
import { providerIdentifier } from './ocds-parts';
import { type Mailing, type Money, notice, type Records, tellBidders, tellFunders } from './step-mail';
import type { Interest } from './store';
import { changeTender, loadTender, save } from './tenders';
import { WAIT } from './waits';

/** The award's steps after the award notice: the standstill's end, challenges, each lot's grant, the end. */

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
class ChallengeResolvedError extends Error {
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

/**
 * The winner as an organisation: found by its identifier, or registered as a provider now. A
 * bidder that gave no identifier gets one made from its interest id (a 360G- identifier, which
 * org-id checks accept; the XI-GRANTLOOP- one used before was refused, so such a lot always
 * failed), so the identifier is the same on every attempt: a retried step (or a second lot won by the same bidder, awarded side by
 * side) finds the organisation the first made, and the identifier's guard refuses a second.
 */
async function winnerOrg(deps: Records, interest: Interest): Promise<Organisation> {
  const now = deps.clock.now();
  const org = prepareOrganisation(
    {
      name: interest.orgName,
      kind: 'provider',
      identifier: providerIdentifier(interest),
      contactEmail: interest.email,
    },
    newId(now),
    now,
  );
  const found = await deps.consortia.findOrganisationByIdentifier(org.identifier);
  if (found) return found;
  try {
    await deps.consortia.createOrganisation(
      org,
      consortiaEvent('organisation.created', consortiaSubject.organisation(org.id), 'workflow', { orgId: org.id, kind: org.kind }, now),
    );
    return org;
  } catch (error) {
    const again = error instanceof DomainError ? await deps.consortia.findOrganisationByIdentifier(org.identifier) : undefined;
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
  const lot = { id: input.lotId, title: tender.lots.find((l) => l.id === input.lotId)?.title ?? input.lotId };
  const winner = { interestId: interest.id, orgId: org.id, name: interest.orgName, email: interest.email, identifier: interest.identifier };
  const grantId = outcome.grantId ?? newId(deps.clock.now());
  const result = await changeTender(deps, tender.id, async (t) => {
    const o = t.outcomes.find((x) => x.lotId === input.lotId);
    // Cancelled meanwhile: its reserve is already back with the funders.
    if (t.status === 'cancelled' || o?.status !== 'recommended' || !o.winner) return { tender: t };
    const now = deps.clock.now().toISOString();
    return awardLotFromReserve(
      deps,
      t,
      { lot, grantId, price: o.winner.price, winner, durationMonths: t.contractMonths ?? 36 },
      { outcomes: t.outcomes.map((x) => (x.lotId === input.lotId ? { ...x, status: 'awarded', grantId, awardedAt: now } : x)) },
      'workflow',
    );
  });
  return { lotId: input.lotId, status: 'awarded', grantId, recipientOrgId: org.id, shares: 'shares' in result ? result.shares.length : 0 };
}

/** After every lot: what is left in the reserve goes back, the contract details notice (UK7) is recorded where due, and everyone is told. */
export async function completeTender(deps: Mailing & Money, input: { tenderId: string }) {
  const saved = await changeTender(deps, input.tenderId, async (tender) => {
    if (!['award-decision', 'standstill'].includes(tender.status)) return tender;
    const awarded = tender.outcomes.filter((o) => o.status === 'awarded').map((o) => o.lotId);
    const now = deps.clock.now().toISOString();
    const status = awarded.length ? 'awarded' : 'unsuccessful';
    // The contract details notice where the regime asks for one (s.53, or s.87 for a notifiable below-threshold contract).
    const uk7 = awarded.length && requires(tenderDuties(tender), 'UK7');
    const notices = uk7 ? [...tender.notices, notice(deps, 'UK7', awarded)] : tender.notices;
    return releaseReserve(
      deps,
      tender,
      { status, notices, closedAt: now },
      awarded.length ? 'tender.completed' : 'tender.unsuccessful',
      'workflow',
      { awarded },
    );
  });
  const lotTitle = (lotId: string) => saved.lots.find((l) => l.id === lotId)?.title ?? lotId;
  const lines = saved.outcomes.map((o): [string, string] => [
    lotTitle(o.lotId),
    o.status === 'awarded' && o.winner
      ? `awarded to ${o.winner.orgName} for ${pounds(o.winner.price)}`
      : `not awarded${o.reason ? ` (${o.reason})` : ''}`,
  ]);
  await tellFunders(
    deps,
    saved,
    'completed',
    `"${saved.title}" is ${saved.status}`,
    [
      `"${saved.title}" is ${saved.status}:`,
      { facts: lines },
      'Each award is a grant committed from the pool, split between the funders in proportion to what each still held for the tender; anything left is available again.',
    ],
    staffPaths.tenderAward(saved.id),
  );
  // Every bidder, winners included, is told the outcome of each lot it bid for.
  await tellBidders(deps, saved);
  return { tenderId: saved.id, status: saved.status, awarded: saved.outcomes.filter((o) => o.status === 'awarded').length };
}
