import { DomainError, notFound } from '../platform/errors';
import type { PoolsDeps } from '../pools/store';
import type { Giving360Source } from './giving360-types';
import type { GrantPublishing, PublishingSettings } from './settings';

/** The ports the 360Giving feed reads: consortia, pools and rounds (read only). */
export type Giving360Deps = Pick<PoolsDeps, 'consortia' | 'pools' | 'rounds'>;

async function poolParts(deps: Giving360Deps, poolId: string) {
  const [pledges, listed, rounds, ledger] = await Promise.all([
    deps.pools.listPledges(poolId),
    deps.pools.listPoolGrants(poolId),
    deps.rounds.listPoolRounds(poolId),
    deps.pools.listLedger(poolId),
  ]);
  const grants = await Promise.all(
    listed.map(async (g) => {
      const found = await deps.pools.getGrant(g.id);
      // A feed missing a grant its pool lists would be silently wrong: better to fail the rebuild, which the stream retries.
      if (!found) throw new DomainError('not-found', `grant ${g.id} is listed in pool ${poolId} but cannot be read`);
      return found;
    }),
  );
  return { pledges, grants, rounds, ledger };
}

/**
 * Reads everything the consortium's 360Giving package is built from: its pools with their
 * pledges, grants (with shares and changes), rounds and ledgers, and every organisation a record
 * names. `grantPublishing` holds each grant's areas and functions (the publishing feature's
 * records); `feedUrl` is where the JSON is served.
 */
export async function load360Source(
  deps: Giving360Deps,
  consortiumId: string,
  settings: PublishingSettings,
  grantPublishing: Map<string, GrantPublishing>,
  feedUrl: string,
): Promise<Giving360Source> {
  const consortium = await deps.consortia.getConsortium(consortiumId);
  if (!consortium) throw notFound('consortium', consortiumId);
  const pools = await deps.pools.listPools(consortiumId);
  const parts = await Promise.all(pools.map((p) => poolParts(deps, p.id)));
  const pledges = parts.flatMap((p) => p.pledges);
  const grants = parts.flatMap((p) => p.grants);
  const orgIds = [
    consortium.leadOrgId,
    ...pledges.map((p) => p.funderOrgId),
    ...grants.flatMap(({ grant, shares }) => [grant.recipientOrgId, ...shares.map((s) => s.funderOrgId)]),
  ];
  return {
    consortium,
    settings,
    pools,
    rounds: parts.flatMap((p) => p.rounds),
    pledges,
    grants,
    ledgers: new Map(pools.map((p, i) => [p.id, parts[i]?.ledger ?? []])),
    orgs: await deps.consortia.getOrganisations([...new Set(orgIds)]),
    grantPublishing,
    feedUrl,
  };
}
