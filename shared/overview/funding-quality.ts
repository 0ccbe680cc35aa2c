import { loadConsortium, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import type { Grant } from '../grants/grant';
import type { Condition } from '../grants/grant-plan';
import type { FundingShare } from '../pools/grant';
import type { OverviewDeps } from './what-needs-me';

export interface GrantFacts {
  grant: Grant;
  recipientName: string;
  shares: FundingShare[];
  conditions: Condition[];
}

const DAY = 86_400_000;
const PER_10K = 1_000_000; // £10,000 in pence

/**
 * What makes funding good, per grant: length, continuity (the gap since the same provider's
 * previous grant ended), flexibility (the core share), conditionality (conditions per grant and
 * per £10k) and funder concentration (the largest funder's share, and how many funders).
 */
export function fundingQuality(place: string, facts: GrantFacts[]) {
  const byProvider = new Map<string, GrantFacts[]>();
  for (const f of facts) byProvider.set(f.grant.recipientOrgId, [...(byProvider.get(f.grant.recipientOrgId) ?? []), f]);
  const gapOf = new Map<string, number | null>();
  for (const list of byProvider.values()) {
    list.sort((a, b) => a.grant.plannedStart.localeCompare(b.grant.plannedStart));
    list.forEach((f, i) => {
      const before = list[i - 1];
      const gap = before ? Math.round((Date.parse(f.grant.plannedStart) - Date.parse(before.grant.plannedEnd)) / DAY) - 1 : null;
      gapOf.set(f.grant.id, gap === null ? null : Math.max(0, gap));
    });
  }
  const grants = facts.map((f) => {
    const core = f.shares.filter((s) => s.restriction.kind === 'core').reduce((a, s) => a + s.amount, 0);
    const perFunder = new Map<string, number>();
    for (const s of f.shares) perFunder.set(s.funderOrgId, (perFunder.get(s.funderOrgId) ?? 0) + s.amount);
    const largest = Math.max(0, ...perFunder.values());
    return {
      grantId: f.grant.id,
      title: f.grant.title,
      recipient: f.recipientName,
      amount: f.grant.amount,
      months: f.grant.durationMonths,
      gapDays: gapOf.get(f.grant.id) ?? null,
      corePercent: f.grant.amount ? (100 * core) / f.grant.amount : 0,
      conditions: f.conditions.length,
      conditionsPer10k: f.grant.amount ? (f.conditions.length * PER_10K) / f.grant.amount : 0,
      largestFunderPercent: f.grant.amount ? (100 * largest) / f.grant.amount : 0,
      funders: perFunder.size,
    };
  });
  const total = grants.reduce((a, g) => a + g.amount, 0);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : 0);
  const gaps = grants.flatMap((g) => (g.gapDays === null ? [] : [g.gapDays]));
  const conditions = grants.reduce((a, g) => a + g.conditions, 0);
  return {
    grants,
    place: {
      place,
      grants: grants.length,
      amount: total,
      meanMonths: mean(grants.map((g) => g.months)),
      repeatGrants: gaps.length,
      meanGapDays: gaps.length ? mean(gaps) : null,
      corePercent: total
        ? (100 * facts.reduce((a, f) => a + f.shares.filter((s) => s.restriction.kind === 'core').reduce((b, s) => b + s.amount, 0), 0)) /
          total
        : 0,
      conditionsPerGrant: grants.length ? conditions / grants.length : 0,
      conditionsPer10k: total ? (conditions * PER_10K) / total : 0,
      meanLargestFunderPercent: mean(grants.map((g) => g.largestFunderPercent)),
      meanFunders: mean(grants.map((g) => g.funders)),
    },
  };
}

/** The facts for every grant of a consortium's pools, then the measures. */
export async function consortiumFundingQuality(deps: OverviewDeps, caller: Caller, consortiumId: string) {
  const consortium = await loadConsortium(deps, consortiumId);
  requireReader(caller, consortium, 'consortium', consortiumId);
  const pools = await deps.pools.listPools(consortiumId);
  const grants = (await Promise.all(pools.map((p) => deps.pools.listPoolGrants(p.id)))).flat();
  const orgs = await deps.consortia.getOrganisations([...new Set(grants.map((g) => g.recipientOrgId))]);
  const facts = await Promise.all(
    grants.map(async (g) => {
      const [found, plan] = await Promise.all([deps.pools.getGrant(g.id), deps.grants.getPlan(g.id)]);
      return {
        grant: g,
        recipientName: orgs.get(g.recipientOrgId)?.name ?? g.recipientOrgId,
        shares: found?.shares ?? [],
        conditions: plan.conditions,
      };
    }),
  );
  return { consortium: { id: consortium.id, name: consortium.name, place: consortium.place }, ...fundingQuality(consortium.place, facts) };
}
