import { loadWithOrgs, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { roleAtLeast } from '../consortia/organisation';
import { proposalState } from '../consortia/proposing';
import { policyOf } from '../grants/codecs';
import type { PlatformStore } from '../platform/ports';
import { reportStatuses } from '../reporting/report';
import { consortiumReports } from '../reporting/report-table';
import type { OverviewDeps } from './what-needs-me';

/** The consortium page: members and roles, pools and their rounds, reports by status, the reporting policy. */
export async function consortiumOverview(
  deps: OverviewDeps & { platform: Pick<PlatformStore, 'getWaitingTask'> },
  caller: Caller,
  consortiumId: string,
) {
  const { consortium, orgs } = await loadWithOrgs(deps, consortiumId);
  requireReader(caller, consortium, 'consortium', consortiumId);
  const [pools, reports, proposal] = await Promise.all([
    deps.pools.listPools(consortiumId),
    consortiumReports(deps, caller, consortiumId),
    proposalState(deps, consortium),
  ]);
  const rounds = await Promise.all(pools.map(async (p) => ({ pool: p, rounds: await deps.rounds.listPoolRounds(p.id) })));
  const leadAdmin =
    caller.user.platformAdmin || caller.memberships.some((m) => m.orgId === consortium.leadOrgId && roleAtLeast(m.role, 'admin'));
  return {
    consortium,
    members: consortium.members.map((m) => ({
      ...m,
      name: orgs.get(m.orgId)?.name ?? m.orgId,
      kind: orgs.get(m.orgId)?.funderType,
      contactEmail: orgs.get(m.orgId)?.contactEmail,
    })),
    /** A proposed consortium: whether its invitations are out, and by when its lead must confirm it. */
    proposal,
    pools: rounds.map(({ pool, rounds: rs }) => ({ id: pool.id, name: pool.name, purpose: pool.purpose, rounds: rs })),
    reportCounts: reportStatuses.map((s) => ({ status: s, count: reports.rows.filter((r) => r.status === s).length })),
    policy: policyOf(consortium),
    /** The lead's admins edit the reporting policy and confirm the consortium. */
    canManage: leadAdmin,
  };
}
