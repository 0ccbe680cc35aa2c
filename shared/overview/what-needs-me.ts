import type { Caller } from '../consortia/caller';
import type { Consortium } from '../consortia/consortium';
import { isCouncil, type Organisation, roleAtLeast } from '../consortia/organisation';
import { mayProposeConsortium } from '../consortia/proposing';
import type { ConsortiaStore } from '../consortia/store';
import type { ContractStore } from '../contracts/store';
import type { GrantStore } from '../grants/store';
import type { PoolStore, RoundStore } from '../pools/store';
import type { ReportStore } from '../reporting/store';
import { contractTasks } from './contract-work';
import { type FundingWork, fundingTasks, providersIn, readFundingWork } from './funding-work';
import { byWhen, type Task } from './tasks';
import { readTenderWork, type TenderReads, tenderTasks } from './tender-work';

export type { Task, TaskKind } from './tasks';

/** The records the overview pages read (what needs me reads tenders, contracts and parked deadlines too). */
export interface OverviewDeps {
  consortia: ConsortiaStore;
  pools: PoolStore;
  rounds: RoundStore;
  grants: GrantStore;
  reports: ReportStore;
  clock: { now(): Date };
}

type WhatNeedsMeDeps = OverviewDeps & TenderReads & { contracts: Pick<ContractStore, 'listCouncilContracts'> };

/**
 * What needs the signed-in person, across every consortium their organisations are in and every
 * council they work for: each task says what, for whom, by when, and links to the page where it
 * is done. Every read is a Query or GetItem on a key or index, per organisation, consortium,
 * pool, open round or tender in a waiting stage: never one per grant (docs/ARCHITECTURE.md, "what
 * needs me").
 */
export async function whatNeedsMe(deps: WhatNeedsMeDeps, caller: Caller) {
  const now = deps.clock.now();
  const orgIds = caller.memberships.map((m) => m.orgId);
  const [lists, orgs] = await Promise.all([
    Promise.all(orgIds.map((id) => deps.consortia.listConsortiaOf(id))),
    deps.consortia.getOrganisations(orgIds),
  ]);
  const ids = [...new Set(lists.flat())];
  const consortia = (await Promise.all(ids.map((id) => deps.consortia.getConsortium(id)))).filter((c): c is Consortium => !!c);
  // Councils the caller works for manage contracts: the page links to each one's list, and its officers act on them.
  const councils = [...orgs.values()].filter(isCouncil).map((o) => ({ id: o.id, name: o.name }));
  const officerOf = (orgId: string) => caller.memberships.some((m) => m.orgId === orgId && roleAtLeast(m.role, 'officer'));
  const [funding, tenders, contracts] = await Promise.all([
    Promise.all(consortia.map((c) => readFundingWork(deps, caller, c))),
    Promise.all(consortia.map((c) => readTenderWork(deps, caller, c, now))),
    Promise.all(
      councils.filter((o) => officerOf(o.id)).map(async (o) => contractTasks(await deps.contracts.listCouncilContracts(o.id), o, now)),
    ),
  ]);
  const names = await namesFor(deps, orgs, funding);
  const tasks: Task[] = [
    ...funding.flatMap((w) => fundingTasks(w, names)),
    ...tenders.flat().flatMap((w) => tenderTasks(w, names)),
    ...contracts.flat(),
  ].sort(byWhen);
  // The start link to propose a consortium, for whom `createConsortium` lets lead one (from the organisations already read).
  const mayPropose = mayProposeConsortium(caller, orgs);
  return { consortia: consortia.sort((a, b) => a.name.localeCompare(b.name)), tasks, councils, mayPropose };
}

/** The caller's organisations' names and, in one more read if any are needed, the providers' the tasks name. */
async function namesFor(deps: Pick<OverviewDeps, 'consortia'>, own: Map<string, Organisation>, work: FundingWork[]) {
  const names = new Map([...own.values()].map((o) => [o.id, o.name]));
  const missing = [...new Set(work.flatMap(providersIn))].filter((id) => !names.has(id));
  if (missing.length) for (const o of (await deps.consortia.getOrganisations(missing)).values()) names.set(o.id, o.name);
  return names;
}
