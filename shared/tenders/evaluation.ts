import { actingOrg } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { forbidden, invalid } from '../platform/errors';
import { newId } from '../platform/ids';
import { resume } from '../platform/waiting';
import { requireEvaluationReader, requirePanel } from './evaluation-access';
import { subject } from './events';
import type { LotOutcome } from './process';
import { type Conflict, rankBids } from './scoring';
import type { Bid, TendersDeps } from './store';
import type { Tender } from './tender';
import { changeTender, readableTender, requireStatus, save, type TenderRecords } from './tenders';
import { WAIT } from './waits';

type Callbacks = TenderRecords & Pick<TendersDeps, 'platform' | 'workflows'>;

/** A bid's id for scoring: one provider's bid for one lot. */
export const bidIdOf = (interestId: string, lotId: string) => `${interestId}.${lotId}`;

async function bidsByLot(deps: Pick<TendersDeps, 'tenders' | 'clock'>, tender: Tender) {
  const bids = await deps.tenders.listBids(tender, deps.clock.now());
  return (lotId: string) =>
    bids.flatMap((b: Bid) => {
      const lot = b.lots.find((l) => l.lotId === lotId);
      return lot ? [{ bidId: bidIdOf(b.interestId, lotId), interestId: b.interestId, price: lot.price, submittedAt: b.submittedAt }] : [];
    });
}

/**
 * The lot of a bid being evaluated: its lot is still open, and the provider really bid for it
 * (a made-up id, or a lot the provider did not bid for, changes nothing).
 */
async function findBid(deps: Pick<TendersDeps, 'tenders'>, tender: Tender, bidId: string) {
  const [interestId = '', lotId = ''] = bidId.split('.');
  const refuse = () => invalid('bidId', 'bid-in-evaluation', `bid ${bidId} is not one being evaluated`);
  if (!tender.lots.some((l) => l.id === lotId) || !tender.outcomes.some((o) => o.lotId === lotId && o.status === 'open')) throw refuse();
  const bid = await deps.tenders.getBid(tender.id, interestId);
  if (!bid?.lots.some((l) => l.lotId === lotId)) throw refuse();
  return lotId;
}

/** A scorer declares a conflict of interest in one bid: their scores for it will not count. */
export async function declareConflict(deps: TenderRecords, caller: Caller, tenderId: string, input: { bidId: string }) {
  return changeTender(deps, { tenderId, as: caller }, async (tender) => {
    requireStatus(tender, ['evaluation'], 'declaring a conflict');
    requirePanel(caller, tender);
    await findBid(deps, tender, input.bidId);
    const conflict: Conflict = { scorerId: caller.user.id, bidId: input.bidId };
    if (tender.conflicts.some((c) => c.scorerId === conflict.scorerId && c.bidId === conflict.bidId)) return tender;
    return save(deps, tender, { conflicts: [...tender.conflicts, conflict] }, 'tender.conflict-declared', caller.user.id, { ...conflict });
  });
}

/** A scorer's independent scores (0–100) for one bid's quality criteria; a conflicted scorer cannot score it. */
export async function scoreBid(
  deps: TenderRecords,
  caller: Caller,
  tenderId: string,
  input: { bidId: string; scores: Record<string, number>; reasons: Record<string, string> },
) {
  return changeTender(deps, { tenderId, as: caller }, async (tender) => {
    requireStatus(tender, ['evaluation'], 'scoring');
    requirePanel(caller, tender);
    await findBid(deps, tender, input.bidId);
    if (tender.conflicts.some((c) => c.scorerId === caller.user.id && c.bidId === input.bidId))
      throw forbidden(`you declared a conflict of interest in bid ${input.bidId}, so you cannot score it`);
    const quality = tender.criteria.filter((c) => c.kind === 'quality');
    for (const c of quality) {
      const s = input.scores[c.id];
      if (s === undefined || !Number.isInteger(s) || s < 0 || s > 100)
        throw invalid(`scores.${c.id}`, 'score-0-100', `score "${c.title}" as a whole number from 0 to 100`);
      // The reason is what the bidder's assessment summary quotes (s.50(3)-(4)), so a score without one is not a score.
      if (!input.reasons[c.id]?.trim()) throw invalid(`reasons.${c.id}`, 'required', `give the reason for the score for "${c.title}"`);
    }
    const others = tender.scores.filter((s) => !(s.scorerId === caller.user.id && s.bidId === input.bidId));
    const mine = quality.map((c) => ({
      scorerId: caller.user.id,
      bidId: input.bidId,
      criterionId: c.id,
      score: input.scores[c.id] as number,
      reason: (input.reasons[c.id] as string).trim(),
    }));
    return save(deps, tender, { scores: [...others, ...mine] }, 'tender.scored', caller.user.id, { bidId: input.bidId });
  });
}

/** The panel's moderated score for one criterion of one bid, with the reason recorded. */
export async function moderate(
  deps: TenderRecords,
  caller: Caller,
  tenderId: string,
  input: { bidId: string; criterionId: string; score: number; reason: string },
) {
  return changeTender(deps, { tenderId, as: caller }, async (tender, consortium) => {
    requireStatus(tender, ['evaluation'], 'moderating');
    actingOrg(caller, consortium, ['lead'], 'officer', { what: 'tender', id: tenderId });
    await findBid(deps, tender, input.bidId);
    if (!tender.criteria.some((c) => c.id === input.criterionId && c.kind === 'quality'))
      throw invalid('criterionId', 'quality-criterion', `${input.criterionId} is not a quality criterion of this tender`);
    if (!Number.isInteger(input.score) || input.score < 0 || input.score > 100)
      throw invalid('score', 'score-0-100', 'a whole number from 0 to 100');
    if (!input.reason.trim()) throw invalid('reason', 'required', 'record why the panel moderated the score');
    const others = tender.moderations.filter((m) => !(m.bidId === input.bidId && m.criterionId === input.criterionId));
    return save(deps, tender, { moderations: [...others, { ...input, reason: input.reason.trim() }] }, 'tender.moderated', caller.user.id, {
      bidId: input.bidId,
      criterionId: input.criterionId,
    });
  });
}

/** Ranks each lot's bids as scored so far (a view for the panel; nothing is decided). */
export async function evaluationView(deps: TenderRecords, caller: Caller, tenderId: string) {
  const { tender, consortium } = await readableTender(deps, caller, tenderId);
  requireEvaluationReader(caller, tender, consortium);
  const of = await bidsByLot(deps, tender);
  return {
    tenderId,
    lots: tender.lots.map((l) => ({
      lotId: l.id,
      ranking: of(l.id).length ? rankBids(tender.criteria, of(l.id), tender.scores, tender.conflicts, tender.moderations) : [],
    })),
  };
}

/** The lead closes evaluation: each lot's ranking is fixed and its best bid recommended; the award decision follows. */
export async function completeEvaluation(deps: Callbacks, caller: Caller, tenderId: string) {
  const saved = await changeTender(deps, { tenderId, as: caller }, async (tender, consortium) => {
    actingOrg(caller, consortium, ['lead'], 'officer', { what: 'tender', id: tenderId });
    requireStatus(tender, ['evaluation'], 'completing evaluation');
    const of = await bidsByLot(deps, tender);
    const interests = new Map((await deps.tenders.listInterests(tender.id)).map((i) => [i.id, i]));
    const outcomes: LotOutcome[] = tender.outcomes.map((o) => {
      if (o.status !== 'open') return o;
      const bids = of(o.lotId);
      const ranking = rankBids(tender.criteria, bids, tender.scores, tender.conflicts, tender.moderations);
      const best = ranking[0];
      const bid = bids.find((b) => b.bidId === best?.bidId);
      if (!best || !bid) return { ...o, status: 'failed', reason: 'no bid could be ranked' };
      const orgName = interests.get(bid.interestId)?.orgName ?? bid.interestId;
      // The grant's id is fixed now, so a retried award step finds the grant it already made.
      return {
        ...o,
        status: 'recommended',
        ranking,
        winner: { interestId: bid.interestId, orgName, price: bid.price, total: best.total },
        grantId: newId(deps.clock.now()),
      };
    });
    return save(deps, tender, { status: 'award-decision', outcomes }, 'tender.evaluated', caller.user.id, {
      recommended: outcomes.filter((o) => o.status === 'recommended').map((o) => o.lotId),
    });
  });
  await resume(deps, subject.tender(tenderId), WAIT.evaluation, { evaluated: true });
  return { tenderId, status: saved.status, outcomes: saved.outcomes.map(({ ranking: _r, ...o }) => o) };
}
