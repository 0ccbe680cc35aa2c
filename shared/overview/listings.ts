import { loadConsortium, mayAct, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { available } from '../pools/pool';
import type { OverviewDeps } from './what-needs-me';

/**
 * The lists behind a consortium's areas (pools, rounds, grants), read as the consortium page
 * reads them: a Query for its pools, then one per pool, never a Scan. Outsiders get the
 * consortium's not-found, as for a made-up id.
 */
async function readablePools(deps: OverviewDeps, caller: Caller, consortiumId: string) {
  const consortium = await loadConsortium(deps, consortiumId);
  requireReader(caller, consortium, 'consortium', consortiumId);
  const pools = await deps.pools.listPools(consortiumId);
  // Whether the page may offer to make something new: the lead's admins of an active consortium (what createPool asks).
  const mayCreate = consortium.status === 'active' && mayAct(caller, consortium, ['lead'], 'admin');
  return { consortium: { id: consortium.id, name: consortium.name, place: consortium.place }, pools, mayCreate };
}

/** Each pool with its money and how many rounds it has run. */
export async function consortiumPools(deps: OverviewDeps, caller: Caller, consortiumId: string) {
  const { consortium, pools, mayCreate } = await readablePools(deps, caller, consortiumId);
  const rounds = await Promise.all(pools.map((p) => deps.rounds.listPoolRounds(p.id)));
  return {
    consortium,
    mayCreate,
    pools: pools.map((p, i) => ({
      id: p.id,
      name: p.name,
      purpose: p.purpose,
      received: p.received,
      committed: p.committed,
      available: available(p),
      rounds: rounds[i]?.length ?? 0,
    })),
  };
}

/** Every round of every pool, newest first; and the pools the lead's admins may open one in (what openRound asks). */
export async function consortiumRounds(deps: OverviewDeps, caller: Caller, consortiumId: string) {
  const { consortium, pools, mayCreate } = await readablePools(deps, caller, consortiumId);
  const rounds = (await Promise.all(pools.map(async (p) => (await deps.rounds.listPoolRounds(p.id)).map((r) => ({ ...r, pool: p.name })))))
    .flat()
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  return { consortium, rounds, mayOpenIn: mayCreate ? pools.map((p) => ({ id: p.id, name: p.name })) : [] };
}

/** Every grant of every pool with its recipient's name, newest award first. */
export async function consortiumGrants(deps: OverviewDeps, caller: Caller, consortiumId: string) {
  const { consortium, pools } = await readablePools(deps, caller, consortiumId);
  const grants = (await Promise.all(pools.map(async (p) => (await deps.pools.listPoolGrants(p.id)).map((g) => ({ ...g, pool: p.name })))))
    .flat()
    .sort((a, b) => b.awardedAt.localeCompare(a.awardedAt) || a.title.localeCompare(b.title));
  const orgs = await deps.consortia.getOrganisations([...new Set(grants.map((g) => g.recipientOrgId))]);
  return {
    consortium,
    grants: grants.map((g) => ({
      id: g.id,
      title: g.title,
      recipient: orgs.get(g.recipientOrgId)?.name ?? 'An organisation no longer on grantloop',
      pool: g.pool,
      amount: g.amount,
      plannedStart: g.plannedStart,
      plannedEnd: g.plannedEnd,
      awardedAt: g.awardedAt,
    })),
  };
}
