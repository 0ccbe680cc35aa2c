import { actingOrg } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { forbidden, invalid } from '../platform/errors';
import { newId } from '../platform/ids';
import { resume } from '../platform/waiting';
import { subject } from './events';
import { releaseReserve } from './money';
import type { AwardVote } from './process';
import type { TendersDeps } from './store';
import { awardTally } from './tallies';
import { changeTender, requireStatus, save, type TenderRecords } from './tenders';
import { stopWaiting, WAIT } from './waits';

type Callbacks = TenderRecords & Pick<TendersDeps, 'platform' | 'workflows'>;

/** A funder votes on the recommended award; once the weighted tally settles, the workflow goes on. */
export async function voteOnAward(
  deps: Callbacks,
  caller: Caller,
  tenderId: string,
  input: { decision: 'approve' | 'reject'; orgId?: string | undefined },
) {
  let quorum: number | undefined;
  const saved = await changeTender(deps, { tenderId, as: caller }, async (tender, consortium) => {
    quorum = consortium.quorumPercent;
    requireStatus(tender, ['award-decision'], 'voting on the award');
    const funderIds = tender.funders.map((f) => f.orgId);
    const orgId = input.orgId ?? caller.memberships.find((m) => funderIds.includes(m.orgId) && m.role !== 'viewer')?.orgId;
    const mine = caller.memberships.find((m) => m.orgId === orgId);
    if (!orgId || !funderIds.includes(orgId) || (!caller.user.platformAdmin && (!mine || mine.role === 'viewer')))
      throw forbidden('only an officer or admin of a funder of this tender can vote on its award');
    if (tender.awardVotes.some((v) => v.orgId === orgId))
      throw invalid('orgId', 'one-vote-per-organisation', 'your organisation has already voted');
    const vote: AwardVote = { orgId, decision: input.decision, by: caller.user.id, at: deps.clock.now().toISOString() };
    return save(deps, tender, { awardVotes: [...tender.awardVotes, vote] }, 'tender.award-vote-recorded', caller.user.id, {
      orgId,
      decision: input.decision,
    });
  });
  const t = awardTally(saved, quorum);
  if (t.outcome !== 'pending') await resume(deps, subject.tender(tenderId), WAIT.awardDecision, { outcome: t.outcome });
  return { tenderId, ...t };
}

/** The lead records a challenge received during standstill: that lot's award waits until it is resolved. */
export async function recordChallenge(deps: TenderRecords, caller: Caller, tenderId: string, input: { lotId: string; grounds: string }) {
  return changeTender(deps, { tenderId, as: caller }, async (tender, consortium) => {
    actingOrg(caller, consortium, ['lead'], 'officer', { what: 'tender', id: tenderId });
    requireStatus(tender, ['standstill'], 'recording a challenge');
    const now = deps.clock.now().toISOString();
    if (!tender.standstill || now >= tender.standstill.endsAt)
      throw invalid('lotId', 'during-standstill', 'a challenge pauses an award only during the standstill period');
    const outcome = tender.outcomes.find((o) => o.lotId === input.lotId);
    if (outcome?.status !== 'recommended') throw invalid('lotId', 'lot-in-standstill', `lot ${input.lotId} is not awaiting award`);
    if (!input.grounds.trim()) throw invalid('grounds', 'required', 'record the grounds of the challenge');
    if (tender.challenges.some((c) => c.lotId === input.lotId && c.status === 'open'))
      throw invalid('lotId', 'one-open-challenge', `lot ${input.lotId} already has an open challenge`);
    const challenge = {
      id: newId(deps.clock.now()),
      lotId: input.lotId,
      grounds: input.grounds.trim(),
      receivedAt: now,
      recordedBy: caller.user.id,
      status: 'open' as const,
    };
    return save(deps, tender, { challenges: [...tender.challenges, challenge] }, 'tender.challenge-received', caller.user.id, {
      lotId: input.lotId,
      challengeId: challenge.id,
    });
  });
}

/** The lead resolves a challenge: dismissed lets the award go ahead; upheld means the lot fails. */
export async function resolveChallenge(
  deps: Callbacks,
  caller: Caller,
  tenderId: string,
  challengeId: string,
  input: { outcome: 'dismissed' | 'upheld'; resolution: string },
) {
  const saved = await changeTender(deps, { tenderId, as: caller }, async (tender, consortium) => {
    actingOrg(caller, consortium, ['lead'], 'officer', { what: 'tender', id: tenderId });
    const challenge = tender.challenges.find((c) => c.id === challengeId);
    if (challenge?.status !== 'open') throw invalid('challengeId', 'open-challenge', `challenge ${challengeId} is not open`);
    if (!input.resolution.trim()) throw invalid('resolution', 'required', 'record how the challenge was resolved');
    const challenges = tender.challenges.map((c) =>
      c.id === challengeId
        ? { ...c, status: input.outcome, resolution: input.resolution.trim(), resolvedAt: deps.clock.now().toISOString() }
        : c,
    );
    return save(deps, tender, { challenges }, 'tender.challenge-resolved', caller.user.id, {
      challengeId,
      lotId: challenge.lotId,
      outcome: input.outcome,
    });
  });
  const lotId = saved.challenges.find((c) => c.id === challengeId)?.lotId ?? '';
  await resume(deps, subject.tender(tenderId), WAIT.challenge(lotId), { outcome: input.outcome });
  return { tenderId, challengeId, lotId, outcome: input.outcome };
}

/**
 * Cancels the tender at any stage before award, with a reason: what it holds in the pool goes
 * back to the funders in the same transaction, then the workflow's wait is stopped.
 */
export async function cancelTender(
  deps: Callbacks & Pick<TendersDeps, 'pools' | 'tenderLedger'>,
  caller: Caller,
  tenderId: string,
  input: { reason: string },
) {
  if (!input.reason.trim()) throw invalid('reason', 'required', 'say why the tender is cancelled; providers and funders are told');
  const saved = await changeTender(deps, { tenderId, as: caller }, async (tender, consortium) => {
    actingOrg(caller, consortium, ['lead'], 'admin', { what: 'tender', id: tenderId });
    requireStatus(tender, ['draft', 'sign-off', 'published', 'evaluation', 'award-decision', 'standstill'], 'cancelling');
    const cancellation = { reason: input.reason.trim(), at: deps.clock.now().toISOString(), by: caller.user.id };
    return releaseReserve(
      deps,
      tender,
      { status: 'cancelled', cancellation, closedAt: cancellation.at },
      'tender.cancelled',
      caller.user.id,
      {
        reason: cancellation.reason,
      },
    );
  });
  const stopped = await stopWaiting(deps, saved, input.reason);
  return { tenderId, status: saved.status, released: true, workflowStopped: stopped > 0 };
}
