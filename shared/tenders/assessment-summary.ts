import { pounds } from '../platform/format';
import type { LotOutcome } from './process';
import type { RankedBid, Score } from './scoring';
import type { Bid } from './store';
import type { Tender } from './tender';

/**
 * An assessment summary (Procurement Act 2023, s.50(3)-(4)): for one supplier whose tender was
 * assessed, for each lot it bid for, its score against each award criterion with the reasons,
 * the same for the most advantageous tender, and the outcome. It holds nothing of any other
 * unsuccessful tender: not its scores, not its price, not even how many there were.
 */
interface CriterionAssessment {
  title: string;
  kind: 'quality' | 'price';
  weight: number;
  yours: { score: number; reasons: string[] };
  winning: { score: number; reasons: string[] };
}

export interface LotAssessment {
  lotId: string;
  lotTitle: string;
  successful: boolean;
  /** The winning supplier's name (published in the contract award notice anyway). */
  winner: string;
  yourTotal: number;
  winningTotal: number;
  criteria: CriterionAssessment[];
}

/** The reasons behind one bid's score on one criterion: the panel's moderation reason, or each counted scorer's. */
function reasonsFor(t: Tender, bidId: string, criterionId: string, price: number): string[] {
  const criterion = t.criteria.find((c) => c.id === criterionId);
  if (criterion?.kind === 'price')
    // Not the lowest price itself: it may be another unsuccessful bidder's.
    return [`A price of ${pounds(price)}, scored against the lowest price offered for the lot (the lowest price scores 100).`];
  const moderated = t.moderations.find((m) => m.bidId === bidId && m.criterionId === criterionId);
  if (moderated) return [moderated.reason];
  const conflicted = new Set(t.conflicts.filter((c) => c.bidId === bidId).map((c) => c.scorerId));
  const counted = t.scores.filter((s: Score) => s.bidId === bidId && s.criterionId === criterionId && !conflicted.has(s.scorerId));
  return [...new Set(counted.map((s) => s.reason?.trim()).filter((r): r is string => Boolean(r)))];
}

function lotAssessment(t: Tender, o: LotOutcome, mine: RankedBid, best: RankedBid, prices: Map<string, number>): LotAssessment {
  const price = (bidId: string) => prices.get(bidId) ?? 0;
  return {
    lotId: o.lotId,
    lotTitle: t.lots.find((l) => l.id === o.lotId)?.title ?? o.lotId,
    successful: mine.bidId === best.bidId,
    winner: o.winner?.orgName ?? '',
    yourTotal: mine.total,
    winningTotal: best.total,
    criteria: t.criteria.map((c) => ({
      title: c.title,
      kind: c.kind,
      weight: c.weight,
      yours: { score: mine.perCriterion[c.id]?.score ?? 0, reasons: reasonsFor(t, mine.bidId, c.id, price(mine.bidId)) },
      winning: { score: best.perCriterion[c.id]?.score ?? 0, reasons: reasonsFor(t, best.bidId, c.id, price(best.bidId)) },
    })),
  };
}

/**
 * Every bidder's summary, by interest id: one entry per lot it bid for whose award was
 * approved (the lot's ranking, fixed when evaluation completed, decides the scores).
 */
export function assessmentSummaries(t: Tender, bids: Bid[]): Map<string, LotAssessment[]> {
  const out = new Map<string, LotAssessment[]>();
  for (const o of t.outcomes.filter((x) => x.status === 'recommended' && x.ranking?.length && x.winner)) {
    const ranking = o.ranking as RankedBid[];
    const best = ranking.find((r) => r.bidId === `${o.winner?.interestId}.${o.lotId}`) ?? (ranking[0] as RankedBid);
    const prices = new Map(
      bids.flatMap((b) => b.lots.filter((l) => l.lotId === o.lotId).map((l) => [`${b.interestId}.${o.lotId}`, l.price] as const)),
    );
    for (const mine of ranking) {
      const interestId = mine.bidId.slice(0, mine.bidId.lastIndexOf('.'));
      out.set(interestId, [...(out.get(interestId) ?? []), lotAssessment(t, o, mine, best, prices)]);
    }
  }
  return out;
}
