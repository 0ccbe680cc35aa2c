import type { Caller } from '../consortia/caller';
import { bidIdOf } from './evaluation';
import { rankBids } from './scoring';
import type { StaffReading } from './views';

/**
 * What the evaluation panel reads to score: each lot's bids with the providers' answers, the
 * caller's own scores and conflicts, and the ranking so far. Only once the bids are open, and
 * only for those who may read the evaluation (evaluation-access.ts; anyone else: undefined).
 */
export function panelOf(reading: StaffReading, caller: Caller) {
  const { tender, bids, interests, panelRole } = reading;
  const { onPanel, readsEvaluation } = panelRole;
  // The lead's officers moderate and complete the evaluation; a platform admin acting for the lead does not read it.
  const moderator = panelRole.moderator && readsEvaluation;
  if (!readsEvaluation || !bids || !interests) return undefined;
  const names = new Map(interests.map((i) => [i.id, i.orgName]));
  const me = caller.user.id;
  return {
    onPanel,
    moderator,
    lots: tender.lots.map((lot) => {
      const lotBids = bids.flatMap((b) => {
        const l = b.lots.find((x) => x.lotId === lot.id);
        if (!l) return [];
        const bidId = bidIdOf(b.interestId, lot.id);
        const mine = Object.fromEntries(
          tender.scores
            .filter((s) => s.scorerId === me && s.bidId === bidId)
            .map((s) => [s.criterionId, { score: s.score, reason: s.reason }]),
        );
        return [
          {
            bidId,
            orgName: names.get(b.interestId) ?? b.interestId,
            price: l.price,
            answers: l.answers,
            documents: l.documents,
            submittedAt: b.submittedAt,
            conflicted: tender.conflicts.some((c) => c.scorerId === me && c.bidId === bidId),
            myScores: mine,
          },
        ];
      });
      const ranking = lotBids.length
        ? rankBids(
            tender.criteria,
            lotBids.map((b) => ({ bidId: b.bidId, price: b.price, submittedAt: b.submittedAt })),
            tender.scores,
            tender.conflicts,
            tender.moderations,
          )
        : [];
      return { lot, bids: lotBids, ranking };
    }),
  };
}
