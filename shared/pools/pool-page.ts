import type { Caller } from '../consortia/caller';
import { freeRiders } from './free-riders';
import { ledgerView } from './ledger-view';
import type { PoolDeps } from './pools';
import { restrictionKey } from './restriction';
import { poolSummary } from './statements';

/**
 * Everything the pool page shows, from the same use cases as the API (so the figures are the
 * API's): the summary, the ledger with its running balance, pledges by financial year, and
 * who pays and who benefits across the consortium.
 */
export async function poolPageView(deps: PoolDeps, caller: Caller, poolId: string) {
  const summary = await poolSummary(deps, caller, poolId);
  const [ledger, pledges, riders] = await Promise.all([
    ledgerView(deps, caller, poolId),
    deps.pools.listPledges(poolId),
    freeRiders(deps, caller, summary.consortiumId),
  ]);
  const years = [...new Set(pledges.flatMap((p) => p.years.map((y) => y.financialYear)))].sort();
  const byFunder = summary.funders.map((f) => ({
    name: f.name ?? f.orgId,
    orgId: f.orgId,
    received: years.map((fy) =>
      pledges
        .filter((p) => p.funderOrgId === f.orgId)
        .flatMap((p) => p.years.filter((y) => y.financialYear === fy))
        .reduce((a, y) => a + y.received, 0),
    ),
  }));
  const consortium = await deps.consortia.getConsortium(summary.consortiumId);
  return {
    summary,
    consortium: { id: summary.consortiumId, name: consortium?.name ?? summary.consortiumId },
    ledger: ledger.entries,
    pledges: pledges.map((p) => ({
      id: p.id,
      funder: summary.funders.find((f) => f.orgId === p.funderOrgId)?.name ?? p.funderOrgId,
      restriction: restrictionKey(p.restriction),
      years: p.years,
    })),
    contributions: { years, byFunder },
    riders,
  };
}
