import type { Caller } from '../consortia/caller';
import type { Consortium } from '../consortia/consortium';
import { roleAtLeast } from '../consortia/organisation';
import type { ConsortiaStore } from '../consortia/store';
import type { GrantStore } from '../grants/store';
import type { PoolStore, RoundStore } from '../pools/store';
import type { ReportStore } from '../reporting/store';

export interface OverviewDeps {
  consortia: ConsortiaStore;
  pools: PoolStore;
  rounds: RoundStore;
  grants: GrantStore;
  reports: ReportStore;
  clock: { now(): Date };
}

export interface Task {
  kind: 'review-report' | 'overdue-report' | 'vote' | 'decide-condition' | 'confirm-consortium';
  consortium: string;
  label: string;
  detail: string;
  href: string;
  /** A date to sort by and show (due date, submitted, opened). */
  date?: string | undefined;
}

/** The lead's officers act for the consortium; everyone else acts only for their own organisation. */
function myOrgIn(caller: Caller, c: Consortium, roles: string[]) {
  return c.members.find(
    (m) => roles.includes(m.role) && caller.memberships.some((x) => x.orgId === m.orgId && roleAtLeast(x.role, 'officer')),
  );
}

/**
 * What needs the signed-in person, across every consortium their organisations are in: each
 * item links to the page where they act. Every list is a query on a key or index.
 */
export async function whatNeedsMe(deps: OverviewDeps, caller: Caller) {
  const ids = [...new Set((await Promise.all(caller.memberships.map((m) => deps.consortia.listConsortiaOf(m.orgId)))).flat())];
  const consortia = (await Promise.all(ids.map((id) => deps.consortia.getConsortium(id)))).filter((c): c is Consortium => !!c);
  const tasks = (await Promise.all(consortia.map((c) => tasksIn(deps, caller, c)))).flat();
  // Councils the caller works for manage contracts: the home page links to each one's list.
  const orgs = await deps.consortia.getOrganisations(caller.memberships.map((m) => m.orgId));
  const councils = [...orgs.values()]
    .filter((o) => o.kind === 'council' || o.funderType === 'local-authority')
    .map((o) => ({ id: o.id, name: o.name }));
  return { consortia: consortia.sort((a, b) => a.name.localeCompare(b.name)), tasks, councils };
}

async function tasksIn(deps: OverviewDeps, caller: Caller, c: Consortium): Promise<Task[]> {
  const lead = !!myOrgIn(caller, c, ['lead']);
  const tasks: Task[] = [];
  if (c.status === 'inviting' && lead) {
    tasks.push({
      kind: 'confirm-consortium',
      consortium: c.name,
      label: `Confirm ${c.name}`,
      detail: 'Your organisation leads it; it starts once you confirm.',
      href: `/app/consortia/${c.id}`,
    });
  }
  if (c.status !== 'active') return tasks;
  const [submitted, overdue, veryLate, pools] = await Promise.all([
    deps.reports.listReportsByStatus(c.id, 'submitted'),
    deps.reports.listReportsByStatus(c.id, 'overdue'),
    deps.reports.listReportsByStatus(c.id, 'very-late'),
    deps.pools.listPools(c.id),
  ]);
  if (lead) {
    for (const r of submitted.filter((x) => x.reviews < x.submissions)) {
      tasks.push({
        kind: 'review-report',
        consortium: c.name,
        label: `Review: ${r.label}`,
        detail: 'Submitted and waiting for your review.',
        href: `/app/reports/${r.id}`,
        date: r.dueDate,
      });
    }
  }
  for (const r of [...overdue, ...veryLate]) {
    tasks.push({
      kind: 'overdue-report',
      consortium: c.name,
      label: `${r.status === 'very-late' ? 'Very late' : 'Overdue'}: ${r.label}`,
      detail: 'Not yet submitted.',
      href: `/app/reports/${r.id}`,
      date: r.dueDate,
    });
  }
  tasks.push(
    ...(await roundTasks(
      deps,
      caller,
      c,
      pools.map((p) => p.id),
    )),
  );
  if (lead)
    tasks.push(
      ...(await conditionTasks(
        deps,
        c,
        pools.map((p) => p.id),
      )),
    );
  return tasks;
}

async function roundTasks(deps: OverviewDeps, caller: Caller, c: Consortium, poolIds: string[]): Promise<Task[]> {
  const voter = myOrgIn(caller, c, ['lead', 'member']);
  if (!voter) return [];
  const rounds = (await Promise.all(poolIds.map((p) => deps.rounds.listPoolRounds(p)))).flat().filter((r) => r.status === 'voting');
  const open = await Promise.all(rounds.map((r) => deps.rounds.getRound(r.id)));
  return open.flatMap((found) =>
    found && !found.votes.some((v) => v.orgId === voter.orgId)
      ? [
          {
            kind: 'vote' as const,
            consortium: c.name,
            label: `Vote: ${found.round.name}`,
            detail: `${found.proposals.length} proposals wait for your organisation's vote.`,
            href: `/app/rounds/${found.round.id}`,
            date: found.round.openedAt.slice(0, 10),
          },
        ]
      : [],
  );
}

async function conditionTasks(deps: OverviewDeps, c: Consortium, poolIds: string[]): Promise<Task[]> {
  const grants = (await Promise.all(poolIds.map((p) => deps.pools.listPoolGrants(p)))).flat();
  const plans = await Promise.all(grants.map(async (g) => ({ grant: g, plan: await deps.grants.getPlan(g.id) })));
  return plans.flatMap(({ grant, plan }) =>
    plan.conditions
      .filter((x) => x.status === 'evidence-submitted')
      .map((x) => ({
        kind: 'decide-condition' as const,
        consortium: c.name,
        label: `Decide: ${x.description}`,
        detail: `Evidence received for ${grant.title}.`,
        href: `/app/grants/${grant.id}`,
        date: x.evidence?.submittedAt.slice(0, 10),
      })),
  );
}
