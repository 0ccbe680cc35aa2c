import type { Caller } from '../consortia/caller';
import type { Consortium } from '../consortia/consortium';
import { CONFIRMATION_WINDOW_DAYS } from '../consortia/invitation-terms';
import type { ConditionToDecide } from '../grants/grant-plan';
import type { GrantStore } from '../grants/store';
import { plural } from '../platform/format';
import { staffPaths } from '../platform/pages';
import type { Round } from '../pools/round';
import { VOTING_WINDOW_DAYS } from '../pools/rounds';
import type { PoolStore, RoundStore } from '../pools/store';
import type { Report } from '../reporting/report';
import type { ReportStore } from '../reporting/store';
import { actingMember, dayOf, daysAfter, inConsortium, type Names, type Task } from './tasks';

interface FundingReads {
  pools: Pick<PoolStore, 'listPools'>;
  rounds: Pick<RoundStore, 'listPoolRounds' | 'getRound'>;
  grants: Pick<GrantStore, 'listConditionsToDecide'>;
  reports: Pick<ReportStore, 'listReportsByStatus'>;
}

/** What waits in one consortium's pooled funding, read for one person, before it is put into words. */
export interface FundingWork {
  consortium: Consortium;
  /** The caller's organisation in it (any role); the lead it acts for as an officer, as an admin; the voting member. */
  member?: string | undefined;
  lead?: string | undefined;
  leadAdmin?: string | undefined;
  voter?: string | undefined;
  toReview: Report[];
  late: Report[];
  votes: { round: Round; proposals: number }[];
  conditions: ConditionToDecide[];
}

/**
 * Reads what the caller may have to do in one consortium: reports sent and not reviewed, and
 * conditions with evidence, for the lead's officers; rounds waiting for the caller's
 * organisation's vote; overdue reports for everyone in it. Each is a Query on a key or an
 * index, by consortium (reports by status, conditions to decide) or by pool and open round:
 * none per grant.
 */
export async function readFundingWork(deps: FundingReads, caller: Caller, c: Consortium): Promise<FundingWork> {
  const roles = {
    member: c.members.find((m) => caller.memberships.some((x) => x.orgId === m.orgId))?.orgId,
    lead: actingMember(caller, c, ['lead']),
    leadAdmin: actingMember(caller, c, ['lead'], 'admin'),
    voter: actingMember(caller, c, ['lead', 'member']),
  };
  if (c.status !== 'active') return { consortium: c, ...roles, toReview: [], late: [], votes: [], conditions: [] };
  const [submitted, overdue, veryLate, votes, conditions] = await Promise.all([
    roles.lead ? deps.reports.listReportsByStatus(c.id, 'submitted') : [],
    deps.reports.listReportsByStatus(c.id, 'overdue'),
    deps.reports.listReportsByStatus(c.id, 'very-late'),
    roles.voter ? votesWanted(deps, c.id, roles.voter) : [],
    roles.lead ? deps.grants.listConditionsToDecide(c.id) : [],
  ]);
  // A report resubmitted after changes were asked for is `submitted` again; reviewed but not yet moved on, it waits on nobody.
  const toReview = submitted.filter((r) => r.reviews < r.submissions);
  return { consortium: c, ...roles, toReview, late: [...overdue, ...veryLate], votes, conditions };
}

/** Rounds in their vote that `orgId` has not voted in: the pools' rounds, then each voting round's votes. */
async function votesWanted(deps: Pick<FundingReads, 'pools' | 'rounds'>, consortiumId: string, orgId: string) {
  const pools = await deps.pools.listPools(consortiumId);
  const rounds = (await Promise.all(pools.map((p) => deps.rounds.listPoolRounds(p.id)))).flat().filter((r) => r.status === 'voting');
  const found = await Promise.all(rounds.map((r) => deps.rounds.getRound(r.id)));
  return found.flatMap((f) => (f && !f.votes.some((v) => v.orgId === orgId) ? [{ round: f.round, proposals: f.proposals.length }] : []));
}

/** "Report on Infrastructure support" (reports planned before grant titles were kept say only their own label). */
const reportName = (r: Report) => (r.grantTitle ? `${r.label} on ${r.grantTitle}` : r.label);

/** The providers the tasks name: whose reports and whose grants' conditions. */
export const providersIn = (w: FundingWork): string[] => [
  ...w.toReview.map((r) => r.recipientOrgId),
  ...w.late.map((r) => r.recipientOrgId),
  ...w.conditions.map((x) => x.recipientOrgId),
];

/** The work in one consortium, in words. */
export function fundingTasks(w: FundingWork, names: Names): Task[] {
  const c = w.consortium;
  const provider = (orgId: string) => names.get(orgId) ?? 'the provider';
  const tasks: Task[] = [];
  if (c.status === 'inviting' && w.leadAdmin)
    tasks.push({
      kind: 'confirm-consortium',
      label: `Confirm ${c.name}`,
      forWhom: inConsortium(names, w.leadAdmin, c),
      detail: 'Your organisation leads it: it starts once you confirm, and lapses if nobody does.',
      href: staffPaths.consortium(c.id),
      when: { label: 'Confirm by', date: daysAfter(c.createdAt, CONFIRMATION_WINDOW_DAYS) },
    });
  for (const r of w.toReview)
    tasks.push({
      kind: 'review-report',
      label: `Review: ${reportName(r)}`,
      forWhom: inConsortium(names, w.lead, c),
      detail: `Sent by ${provider(r.recipientOrgId)} and waiting for your review.`,
      href: staffPaths.report(r.id),
      when: { label: 'Report due', date: r.dueDate },
    });
  for (const r of w.late)
    tasks.push({
      kind: 'overdue-report',
      label: `${r.status === 'very-late' ? 'Very late' : 'Overdue'}: ${reportName(r)}`,
      forWhom: inConsortium(names, w.member, c),
      detail: `Not yet sent by ${provider(r.recipientOrgId)}.`,
      href: staffPaths.report(r.id),
      when: { label: 'Was due', date: r.dueDate },
    });
  for (const { round, proposals } of w.votes)
    tasks.push({
      kind: 'vote',
      label: `Vote: ${round.name}`,
      forWhom: inConsortium(names, w.voter, c),
      detail: `${plural(proposals, 'proposal')} ${proposals === 1 ? 'waits' : 'wait'} for your organisation's vote.`,
      href: staffPaths.round(round.id),
      when: round.closedAt ? { label: 'Vote by', date: daysAfter(round.closedAt, VOTING_WINDOW_DAYS) } : undefined,
    });
  for (const x of w.conditions)
    tasks.push({
      kind: 'decide-condition',
      label: `Decide: ${x.description}`,
      forWhom: inConsortium(names, w.lead, c),
      detail: `Evidence received from ${provider(x.recipientOrgId)} for ${x.grantTitle}.`,
      href: staffPaths.grant(x.grantId),
      when: { label: 'Evidence received', date: dayOf(x.submittedAt) },
    });
  return tasks;
}
