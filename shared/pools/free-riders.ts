import { loadConsortium, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import type { PoolDeps } from './pools';

/**
 * Who pays and who benefits, for one consortium: the contributors, and the organisations
 * recorded as benefiting from its grants (partners, statutory bodies) that put nothing in.
 */
export async function freeRiders(deps: PoolDeps, caller: Caller, consortiumId: string) {
  const consortium = await loadConsortium(deps, consortiumId);
  requireReader(caller, consortium, 'consortium', consortiumId);
  const pools = await deps.pools.listPools(consortiumId);
  const received = new Map<string, number>();
  const benefit = new Map<string, { grants: number; value: number }>();
  for (const pool of pools) {
    for (const b of await deps.pools.listBuckets(pool.id)) received.set(b.funderOrgId, (received.get(b.funderOrgId) ?? 0) + b.received);
    for (const g of await deps.pools.listPoolGrants(pool.id)) {
      for (const orgId of new Set([...g.beneficiaryOrgIds])) {
        const cur = benefit.get(orgId) ?? { grants: 0, value: 0 };
        benefit.set(orgId, { grants: cur.grants + 1, value: cur.value + g.amount });
      }
    }
  }
  const ids = [...new Set([...received.keys(), ...benefit.keys(), ...consortium.members.map((m) => m.orgId)])];
  const orgs = await deps.consortia.getOrganisations(ids);
  const describe = (orgId: string) => ({
    orgId,
    name: orgs.get(orgId)?.name,
    kind: orgs.get(orgId)?.kind,
    funderType: orgs.get(orgId)?.funderType,
    consortiumRole: consortium.members.find((m) => m.orgId === orgId)?.role ?? null,
  });
  const contributors = [...received.entries()]
    .filter(([, v]) => v > 0)
    .map(([orgId, v]) => ({ ...describe(orgId), contributed: v, benefitsFrom: benefit.get(orgId) ?? null }));
  const benefitingWithoutContributing = [...benefit.entries()]
    .filter(([orgId]) => !(received.get(orgId) ?? 0))
    .map(([orgId, b]) => ({ ...describe(orgId), contributed: 0, benefitsFrom: b }));
  const membersNotContributing = consortium.members
    .filter((m) => m.role !== 'observer' && !(received.get(m.orgId) ?? 0))
    .map((m) => describe(m.orgId));
  return {
    consortium: { id: consortium.id, name: consortium.name, place: consortium.place },
    contributors: contributors.sort((a, b) => b.contributed - a.contributed),
    benefitingWithoutContributing: benefitingWithoutContributing.sort((a, b) => b.benefitsFrom.value - a.benefitsFrom.value),
    membersNotContributing,
  };
}
