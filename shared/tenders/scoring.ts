/**
 * Evaluation of one lot's bids. Scorers score quality criteria 0–100 independently; a scorer who
 * declared a conflict of interest on a bid is left out of that bid; the panel may then moderate
 * a criterion's score, with a reason. Price is scored relative to the lowest price. All
 * arithmetic is in whole hundredths, so equal totals are truly equal and the tie rule decides.
 */
interface BidForScoring {
  bidId: string;
  /** pence */
  price: number;
  submittedAt: string;
}

/**
 * What a tender is evaluated against. Declared here, with the scoring, and used by the tender:
 * the tender holds its process (conflicts, scores, moderations), so scoring must not depend on it.
 */
export interface Criterion {
  id: string;
  title: string;
  kind: 'quality' | 'price';
  /** Whole percentage points; a tender's weights sum to 100. */
  weight: number;
}

export interface Score {
  scorerId: string;
  bidId: string;
  criterionId: string;
  /** 0–100 */
  score: number;
  /** Why the scorer gave it: what the bidder's assessment summary quotes (s.50(3)-(4)). Older scores may lack one. */
  reason?: string;
}

export interface Conflict {
  scorerId: string;
  bidId: string;
}

export interface Moderation {
  bidId: string;
  criterionId: string;
  score: number;
  reason: string;
}

export interface RankedBid {
  bidId: string;
  rank: number;
  /** 0–100, to two decimals */
  total: number;
  quality: number;
  perCriterion: Record<string, { score: number; scorers: number; moderated: boolean }>;
  /** Why this bid is above the next one when their totals are equal (the tie rule's step). */
  tieBrokenBy?: 'quality' | 'price' | 'earlier-submission';
}

/** The tie rule, documented with the tender: the higher quality score, then the lower price, then the earlier submission. */
export const TIE_RULE = 'equal totals are ranked by quality score, then by lower price, then by earlier submission';

const hundredths = (n: number) => Math.round(n * 100);

export function rankBids(
  criteria: Criterion[],
  bids: BidForScoring[],
  scores: Score[],
  conflicts: Conflict[],
  moderation: Moderation[] = [],
): RankedBid[] {
  const conflicted = new Set(conflicts.map((c) => `${c.scorerId}|${c.bidId}`));
  const lowest = Math.min(...bids.map((b) => b.price));
  const scored = bids.map((bid) => {
    const perCriterion: RankedBid['perCriterion'] = {};
    let total = 0;
    let quality = 0;
    for (const c of criteria) {
      const s = c.kind === 'price' ? priceScore(bid.price, lowest) : qualityScore(c, bid.bidId, scores, conflicted, moderation);
      perCriterion[c.id] = s;
      const points = c.weight * hundredths(s.score);
      total += points;
      if (c.kind === 'quality') quality += points;
    }
    return { bid, perCriterion, total, quality };
  });
  scored.sort(
    (a, b) =>
      b.total - a.total ||
      b.quality - a.quality ||
      a.bid.price - b.bid.price ||
      Date.parse(a.bid.submittedAt) - Date.parse(b.bid.submittedAt),
  );
  return scored.map((s, i) => {
    const next = scored[i + 1];
    const tieBrokenBy =
      next && next.total === s.total
        ? next.quality !== s.quality
          ? 'quality'
          : next.bid.price !== s.bid.price
            ? 'price'
            : 'earlier-submission'
        : undefined;
    return {
      bidId: s.bid.bidId,
      rank: i + 1,
      total: s.total / 10_000,
      quality: s.quality / 10_000,
      perCriterion: s.perCriterion,
      ...(tieBrokenBy ? { tieBrokenBy } : {}),
    };
  });
}

function priceScore(price: number, lowest: number) {
  return { score: price > 0 ? Math.round((10_000 * lowest) / price) / 100 : 0, scorers: 0, moderated: false };
}

function qualityScore(c: Criterion, bidId: string, scores: Score[], conflicted: Set<string>, moderation: Moderation[]) {
  const moderated = moderation.find((m) => m.bidId === bidId && m.criterionId === c.id);
  const counted = scores.filter((s) => s.bidId === bidId && s.criterionId === c.id && !conflicted.has(`${s.scorerId}|${bidId}`));
  if (moderated) return { score: moderated.score, scorers: counted.length, moderated: true };
  const mean = counted.length ? counted.reduce((a, s) => a + s.score, 0) / counted.length : 0;
  return { score: Math.round(mean * 100) / 100, scorers: counted.length, moderated: false };
}
