import { signOffState } from '../tenders/tallies';
import { budgetOf, type Tender } from '../tenders/tender';
import type { PublicTender } from './public-source';
import type { LotDecision, TenderDates, TenderDecision, TenderRate, TenderStage, ViewTender } from './public-view-model';

/**
 * What the public may know of a consortium's tenders. A draft, or one still being signed off,
 * was never public: only a tender published, or signed off by every funder (or the lead going
 * ahead for silent ones) and so about to be, appears. Nothing here reads a bid: counts come
 * from the source, which holds them only after the deadline, and are used only after it.
 */

/** Signed off and about to be published: every funder approved, or the lead decided to proceed for the silent ones. */
const signedOff = (t: Tender) =>
  t.status === 'sign-off' && (signOffState(t).outcome === 'approved' || t.signOffEscalation?.decision === 'proceed');

const published = (t: Tender) => t.publishedAt !== undefined;

/** Tenders the public may see at all, in the order they were drafted. */
export const publicTenders = (tenders: PublicTender[], consortiumId: string): PublicTender[] =>
  tenders
    .filter(({ tender: t }) => t.consortiumId === consortiumId && (published(t) || signedOff(t)))
    .sort((a, b) => a.tender.createdAt.localeCompare(b.tender.createdAt) || a.tender.id.localeCompare(b.tender.id));

const deadlinePassed = (t: Tender, now: Date) => now.getTime() >= Date.parse(t.dates.submissionDeadline);

/** Where the tender stands at `now`, in terms the public page uses. */
export function stageOf(t: Tender, now: Date): TenderStage {
  if (!published(t)) return 'coming';
  if (t.status === 'published') return deadlinePassed(t, now) ? 'closed' : 'open';
  if (t.status === 'draft' || t.status === 'sign-off') return 'cancelled';
  return t.status;
}

const datesOf = (t: Tender): TenderDates => ({
  ...(t.publishedAt ? { publishedAt: t.publishedAt } : {}),
  clarificationDeadline: t.dates.clarificationDeadline,
  submissionDeadline: t.dates.submissionDeadline,
  awardDecision: t.dates.awardDecision,
});

export const timetableEntry = (t: Tender) => ({ id: t.id, title: t.title, dates: datesOf(t) });

export function viewTender(t: Tender, now: Date): ViewTender {
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    stage: stageOf(t, now),
    procedure: t.procedure,
    budget: budgetOf(t),
    contractMonths: t.contractMonths ?? 36,
    lots: t.lots.map((l) => ({ id: l.id, title: l.title, value: l.value, scope: l.scope.label })),
    criteria: t.criteria.map((c) => ({ title: c.title, kind: c.kind, weight: c.weight })),
    dates: datesOf(t),
  };
}

/**
 * Interest, bids and awards of a tender whose deadline has passed at `now`; undefined before
 * it, even if the source carries counts, so no figure about bids leaves before the deadline.
 */
export function tenderRate({ tender: t, counts }: PublicTender, now: Date): TenderRate | undefined {
  if (!published(t) || !deadlinePassed(t, now) || !counts) return undefined;
  const awarded = (lotId: string) => t.outcomes.some((o) => o.lotId === lotId && o.status === 'awarded');
  const lots = t.lots.map((l) => ({ title: l.title, bids: counts.bidsPerLot[l.id] ?? 0, awarded: awarded(l.id) }));
  return {
    id: t.id,
    title: t.title,
    interests: counts.interests,
    bids: counts.bids,
    lots,
    lotsAwarded: lots.filter((l) => l.awarded).length,
  };
}

/** A lot's outcome: the winner only once the lot is awarded (a recommended or failed lot's bidder is never named). */
function lotDecision(t: Tender, lotId: string, title: string): LotDecision {
  const o = t.outcomes.find((x) => x.lotId === lotId);
  // A challenge's resolution was written to the challenger, an unsuccessful bidder: the public learns only that one was upheld.
  const reason = o?.reason ? { reason: o.reason.startsWith('challenge upheld') ? 'a challenge to the award was upheld' : o.reason } : {};
  if (o?.status === 'awarded' && o.winner)
    return {
      title,
      outcome: 'awarded',
      winner: o.winner.orgName,
      value: o.winner.price,
      ...(o.awardedAt ? { awardedAt: o.awardedAt } : {}),
      ...reason,
    };
  if (o?.status === 'no-bids') return { title, outcome: 'not-awarded', reason: o.reason ?? 'no bids were received for this lot' };
  if (o?.status === 'failed' || ['awarded', 'unsuccessful', 'cancelled'].includes(t.status))
    return { title, outcome: 'not-awarded', ...reason };
  return { title, outcome: 'pending' };
}

/** Why a tender ended without an award, where the records say: its cancellation, or no bids at all. */
function endReason(t: Tender): string | undefined {
  if (t.cancellation) return t.cancellation.reason;
  if (t.status === 'unsuccessful' && t.outcomes.every((o) => o.status === 'no-bids')) return 'no bids were received';
  return undefined;
}

/** The decision on a published tender that has one (ended, or with a lot awarded); undefined while it is undecided. */
export function tenderDecision(t: Tender): TenderDecision | undefined {
  if (!published(t)) return undefined;
  const lots = t.lots.map((l) => lotDecision(t, l.id, l.title));
  const ended = t.status === 'awarded' || t.status === 'unsuccessful' || t.status === 'cancelled';
  if (!ended && !lots.some((l) => l.outcome === 'awarded')) return undefined;
  const outcome = t.status === 'awarded' || t.status === 'unsuccessful' || t.status === 'cancelled' ? t.status : 'partly-decided';
  const reason = endReason(t);
  const decidedAt = t.cancellation?.at ?? t.closedAt;
  return { id: t.id, title: t.title, outcome, ...(decidedAt ? { decidedAt } : {}), ...(reason ? { reason } : {}), lots };
}
