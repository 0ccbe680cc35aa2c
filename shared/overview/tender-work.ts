import type { Caller } from '../consortia/caller';
import type { Consortium } from '../consortia/consortium';
import { plural, pounds } from '../platform/format';
import { staffPaths } from '../platform/pages';
import type { PlatformStore } from '../platform/ports';
import { bidIdOf } from '../tenders/evaluation';
import { subject } from '../tenders/events';
import type { TenderStore } from '../tenders/store';
import { awardTally, signOffState } from '../tenders/tallies';
import { bidsUnsealed, type Tender } from '../tenders/tender';
import { WAIT } from '../tenders/waits';
import { actingMember, dayOf, inConsortium, type Names, type Task } from './tasks';

export interface TenderReads {
  tenders: Pick<TenderStore, 'listTenders' | 'listQuestions' | 'listBids'>;
  platform: Pick<PlatformStore, 'getWaitingTask'>;
}

/** What waits on the caller in one tender, before it is put into words. */
interface TenderWork {
  consortium: Consortium;
  tender: Tender;
  /** The caller's funder organisation that has not yet signed off, or voted on the award. */
  signOffFor?: string | undefined;
  voteFor?: string | undefined;
  /** The lead's admin: decides the sign-off for funders who did not answer in time. */
  escalatedTo?: string | undefined;
  /** The lead's officer: answers questions and resolves challenges. */
  lead?: string | undefined;
  unanswered: number;
  /** Bids (one provider's bid for one lot) the caller on the panel has neither scored nor declared a conflict in. */
  unscored: number;
  /** The workflow's deadline for what it waits on (sign-off, the lead's decision, award votes), as its emails give it. */
  deadline?: string | undefined;
}

/** Stages where nothing more waits on anyone. */
const settled = new Set<Tender['status']>(['draft', 'awarded', 'unsuccessful', 'cancelled']);

/**
 * A consortium's tenders (one Query on gsi1 `CONS#<id>`), and for the few in a stage that waits
 * on the caller: the questions of a published tender (its lead's officers), the bids of one in
 * evaluation (its panel), and the deadline of a sign-off or award vote (the parked task token).
 */
export async function readTenderWork(deps: TenderReads, caller: Caller, c: Consortium, now: Date): Promise<TenderWork[]> {
  if (c.status !== 'active') return [];
  const tenders = (await deps.tenders.listTenders(c.id)).filter((t) => !settled.has(t.status));
  return Promise.all(tenders.map((t) => readOne(deps, caller, c, t, now)));
}

/** The caller's organisation that may act as a funder of the tender (an officer or admin of it). */
const funderOf = (caller: Caller, t: Tender, done: { orgId: string }[]) =>
  t.funders.find(
    (f) => !done.some((d) => d.orgId === f.orgId) && caller.memberships.some((m) => m.orgId === f.orgId && m.role !== 'viewer'),
  )?.orgId;

async function readOne(deps: TenderReads, caller: Caller, c: Consortium, t: Tender, now: Date): Promise<TenderWork> {
  const lead = actingMember(caller, c, ['lead']);
  const escalation = t.signOffEscalation;
  const w: TenderWork = {
    consortium: c,
    tender: t,
    lead,
    signOffFor: t.status === 'sign-off' ? funderOf(caller, t, t.signOffs) : undefined,
    escalatedTo: t.status === 'sign-off' && escalation && !escalation.decision ? actingMember(caller, c, ['lead'], 'admin') : undefined,
    voteFor:
      t.status === 'award-decision' && awardTally(t, c.quorumPercent).outcome === 'pending' ? funderOf(caller, t, t.awardVotes) : undefined,
    unanswered: 0,
    unscored: 0,
  };
  const waitsOn = w.signOffFor || w.escalatedTo ? WAIT.signOff : w.voteFor ? WAIT.awardDecision : undefined;
  const [questions, bids, waiting] = await Promise.all([
    t.status === 'published' && lead ? deps.tenders.listQuestions(t.id) : [],
    t.status === 'evaluation' && t.panel.includes(caller.user.id) && bidsUnsealed(t, now) ? deps.tenders.listBids(t, now) : [],
    waitsOn ? deps.platform.getWaitingTask(subject.tender(t.id), waitsOn) : undefined,
  ]);
  const open = new Set(t.outcomes.filter((o) => o.status === 'open').map((o) => o.lotId));
  const done = new Set([...t.scores, ...t.conflicts].filter((s) => s.scorerId === caller.user.id).map((s) => s.bidId));
  const bidIds = bids.flatMap((b) => b.lots.filter((l) => open.has(l.lotId)).map((l) => bidIdOf(b.interestId, l.lotId)));
  return {
    ...w,
    unanswered: questions.filter((q) => !q.answer).length,
    unscored: bidIds.filter((id) => !done.has(id)).length,
    deadline: waiting?.deadline,
  };
}

/** The work in one tender, in words; each links to the tender's page where it is done (overview, clarifications, bids, award). */
export function tenderTasks(w: TenderWork, names: Names): Task[] {
  const { tender: t, consortium: c } = w;
  const at = { href: staffPaths.tender(t.id) };
  const by = (label: string, instant: string | undefined) => (instant ? { label, date: dayOf(instant) } : undefined);
  const tasks: Task[] = [];
  if (w.signOffFor) {
    const share = t.funders.find((f) => f.orgId === w.signOffFor)?.amount ?? 0;
    tasks.push({
      kind: 'sign-off-tender',
      label: `Sign off: ${t.title}`,
      forWhom: inConsortium(names, w.signOffFor, c),
      detail: `Approve or refuse the specification and your organisation's contribution of ${pounds(share)}.`,
      ...at,
      // Once escalated, the funders' own deadline has passed; the parked token's is then the lead's.
      when: t.signOffEscalation ? by('Was due', t.signOffEscalation.at) : by('Sign off by', w.deadline),
    });
  }
  if (w.escalatedTo) {
    const silent = signOffState(t).pending.length;
    tasks.push({
      kind: 'sign-off-tender',
      label: `Decide the sign-off: ${t.title}`,
      forWhom: inConsortium(names, w.escalatedTo, c),
      detail: `${plural(silent, 'funder')} did not answer in time: go ahead with the contributions as drafted, or send the tender back to draft.`,
      ...at,
      when: by('Decide by', w.deadline),
    });
  }
  if (w.voteFor)
    tasks.push({
      kind: 'award-vote',
      label: `Vote on the award: ${t.title}`,
      forWhom: inConsortium(names, w.voteFor, c),
      detail: `The panel's recommendation for ${plural(t.outcomes.filter((o) => o.status === 'recommended').length, 'lot')} waits for your organisation's vote.`,
      href: staffPaths.tenderAward(t.id),
      when: by('Vote by', w.deadline),
    });
  tasks.push(...leadAndPanelTasks(w, names));
  return tasks;
}

function leadAndPanelTasks(w: TenderWork, names: Names): Task[] {
  const { tender: t, consortium: c } = w;
  const tasks: Task[] = [];
  if (w.unanswered)
    tasks.push({
      kind: 'answer-question',
      label: `Answer ${plural(w.unanswered, 'clarification question')}: ${t.title}`,
      forWhom: inConsortium(names, w.lead, c),
      detail: 'Every provider who registered interest is sent the answer; nobody learns who asked.',
      href: staffPaths.tenderClarifications(t.id),
      when: { label: 'Bids close', date: dayOf(t.dates.submissionDeadline) },
    });
  if (w.unscored)
    tasks.push({
      kind: 'score-bids',
      label: `Score ${plural(w.unscored, 'bid')}: ${t.title}`,
      forWhom: `you, on the evaluation panel of ${c.name}`,
      detail: 'Score each bid against the criteria, or declare a conflict of interest in it.',
      href: staffPaths.tenderBids(t.id),
      when: { label: 'Score by', date: dayOf(t.dates.evaluationEnd) },
    });
  if (!w.lead) return tasks;
  for (const ch of t.challenges.filter((x) => x.status === 'open'))
    tasks.push({
      kind: 'resolve-challenge',
      label: `Resolve the challenge: ${t.lots.find((l) => l.id === ch.lotId)?.title ?? ch.lotId}, ${t.title}`,
      forWhom: inConsortium(names, w.lead, c),
      detail: "The lot's award waits until the challenge is dismissed or upheld.",
      href: staffPaths.tenderAward(t.id),
      when: t.standstill ? { label: 'Standstill ends', date: t.standstill.endsOn } : { label: 'Received', date: dayOf(ch.receivedAt) },
    });
  return tasks;
}
