import { loadConsortium, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import type { TendersDeps } from './store';
import { awardTally, signOffState } from './tallies';
import { bidsUnsealed, budgetOf } from './tender';
import { readableTender } from './tenders';

/**
 * A tender as staff see it. Before the submission deadline it says nothing about bids: no
 * count, no content (the store refuses to list them); after it, how many arrived and for which lots.
 */
export async function tenderView(deps: Pick<TendersDeps, 'consortia' | 'tenders' | 'clock'>, caller: Caller, tenderId: string) {
  const { tender, consortium } = await readableTender(deps, caller, tenderId);
  const now = deps.clock.now();
  // A tender cancelled before its deadline never opens its bids.
  const unsealed = bidsUnsealed(tender, now) && tender.status !== 'draft' && tender.status !== 'sign-off' && !cancelledUnopened(tender);
  const bids = unsealed ? await deps.tenders.listBids(tender, now) : undefined;
  const questions = await deps.tenders.listQuestions(tenderId);
  const { scores: _s, ...rest } = tender;
  return {
    ...rest,
    consortiumName: consortium.name,
    budget: budgetOf(tender),
    signOff: signOffState(tender),
    questions: { asked: questions.length, answered: questions.filter((q) => q.answer).length },
    bids: bids
      ? {
          sealed: false as const,
          received: bids.length,
          byLot: Object.fromEntries(tender.lots.map((l) => [l.id, bids.filter((b) => b.lots.some((x) => x.lotId === l.id)).length])),
        }
      : { sealed: true as const, opensAt: tender.dates.submissionDeadline },
    scoresRecorded: tender.scores.length,
    awardTally: tender.status === 'award-decision' ? awardTally(tender, consortium.quorumPercent) : undefined,
  };
}

/** A consortium's tenders by stage, newest first; how many bids each has only once its deadline has passed. */
export async function tenderPipeline(deps: Pick<TendersDeps, 'consortia' | 'tenders' | 'clock'>, caller: Caller, consortiumId: string) {
  const consortium = await loadConsortium(deps, consortiumId);
  requireReader(caller, consortium, 'consortium', consortiumId);
  const now = deps.clock.now();
  const tenders = await deps.tenders.listTenders(consortiumId);
  const rows = await Promise.all(
    tenders.map(async (t) => {
      const opened = bidsUnsealed(t, now) && !['draft', 'sign-off'].includes(t.status) && !cancelledUnopened(t);
      return {
        id: t.id,
        title: t.title,
        status: t.status,
        budget: budgetOf(t),
        lots: t.lots.length,
        submissionDeadline: t.dates.submissionDeadline,
        createdAt: t.createdAt,
        bids: opened ? (await deps.tenders.listBids(t, now)).length : undefined,
      };
    }),
  );
  return { consortium, rows: rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)) };
}

const cancelledUnopened = (t: { cancellation?: { at: string }; dates: { submissionDeadline: string } }) =>
  Boolean(t.cancellation && t.cancellation.at < t.dates.submissionDeadline);
