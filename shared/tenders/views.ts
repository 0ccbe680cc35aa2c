import { loadConsortium, mayAct, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { dutyStates, regimeOfTender } from './duty-status';
import { mayReadEvaluation } from './evaluation-access';
import type { TendersDeps } from './store';
import { awardTally, signOffState } from './tallies';
import { bidsUnsealed, budgetOf, type Tender } from './tender';
import { readableTender, type TenderRecords } from './tenders';

/**
 * One read of what staff views of a tender draw on: the tender, its consortium, its questions,
 * and, once the deadline has passed, its bids (the store refuses them before). Interests (who
 * bid) are read only for callers who will see the panel's view.
 */
export async function readForStaff(deps: TenderRecords, caller: Caller, tenderId: string, options: { forPanel?: boolean } = {}) {
  const { tender, consortium } = await readableTender(deps, caller, tenderId);
  const now = deps.clock.now();
  // A tender cancelled before its deadline never opens its bids.
  const opened = bidsUnsealed(tender, now) && tender.status !== 'draft' && tender.status !== 'sign-off' && !cancelledUnopened(tender);
  const panelRole = {
    onPanel: tender.panel.includes(caller.user.id),
    moderator: mayAct(caller, consortium, ['lead'], 'officer'),
    /** Whether scores, rankings and prices may be shown to this caller: the one rule (evaluation-access.ts). */
    readsEvaluation: mayReadEvaluation(caller, tender, consortium),
  };
  const wantsInterests = opened && options.forPanel && panelRole.readsEvaluation;
  const [questions, bids, interests] = await Promise.all([
    deps.tenders.listQuestions(tenderId),
    opened ? deps.tenders.listBids(tender, now) : undefined,
    wantsInterests ? deps.tenders.listInterests(tenderId) : undefined,
  ]);
  return { tender, consortium, questions, bids, interests, panelRole };
}

export type StaffReading = Awaited<ReturnType<typeof readForStaff>>;

/**
 * A tender as staff see it. Before the submission deadline it says nothing about bids: no
 * count, no content; after it, how many arrived and for which lots. Scores, conflicts,
 * moderations, rankings and the winning score only for those who may read the evaluation; the
 * recommended winner and its price (what funders vote on, and what the award notice publishes)
 * for every reader.
 */
export function summariseTender({ tender, consortium, questions, bids, panelRole }: StaffReading) {
  const { scores: _s, conflicts, moderations, outcomes, ...rest } = tender;
  const evaluation = panelRole.readsEvaluation;
  return {
    ...rest,
    conflicts: evaluation ? conflicts : [],
    moderations: evaluation ? moderations : [],
    outcomes: (evaluation ? outcomes : outcomes.map(withoutEvaluation)) as VisibleOutcome[],
    consortiumName: consortium.name,
    budget: budgetOf(tender),
    regime: regimeOfTender(tender),
    /** What the Procurement Act asks of this tender in its regime, each with its section, due date and status. */
    duties: dutyStates(tender),
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

export const tenderView = async (deps: TenderRecords, caller: Caller, tenderId: string) =>
  summariseTender(await readForStaff(deps, caller, tenderId));

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

type Outcome = Tender['outcomes'][number];
/** A lot's outcome as a reader sees it: the ranking and the winning score only with the evaluation. */
type VisibleOutcome = Omit<Outcome, 'winner'> & { winner?: Omit<NonNullable<Outcome['winner']>, 'total'> & { total?: number } };

/** A lot's outcome without its ranking or the winning score. */
function withoutEvaluation({ ranking: _r, winner, ...o }: Outcome): VisibleOutcome {
  return { ...o, ...(winner ? { winner: { interestId: winner.interestId, orgName: winner.orgName, price: winner.price } } : {}) };
}

const cancelledUnopened = (t: { cancellation?: { at: string }; dates: { submissionDeadline: string } }) =>
  Boolean(t.cancellation && t.cancellation.at < t.dates.submissionDeadline);
