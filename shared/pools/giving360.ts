import { loadConsortium } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import type { Consortium } from '../consortia/consortium';
import type { Grant, GrantChange } from '../grants/grant';
import { DomainError } from '../platform/errors';
import { londonDate } from '../platform/london-time';
import { poundsDecimal } from '../platform/money';
import type { FundingShare } from './grant';
import type { Pool } from './pool';
import { loadPool, type PoolDeps, readablePool } from './pools';

/** For the CLI export, which runs as the operator rather than as a signed-in user. */
async function poolWithConsortium(deps: PoolDeps, poolId: string) {
  const pool = await loadPool(deps, poolId);
  return { pool, consortium: await loadConsortium(deps, pool.consortiumId) };
}

/** Our grants' 360Giving identifiers: the 360G- prefix for publishers without a registered one. */
const grantIdentifier = (grantId: string) => `360G-grantloop-${grantId}`;

/**
 * Amendments that change what a grant's record shows: its amount (and with it the funders'
 * shares) and its planned dates. Added conditions and status changes are not in the record.
 */
const PUBLISHED_CHANGES = new Set(['amount', 'dates']);

/** When the grant's published data last changed: its award, or the latest amendment the record shows. */
export function grantModified(grant: Pick<Grant, 'awardedAt'>, changes: GrantChange[]): string {
  return changes
    .filter((c) => PUBLISHED_CHANGES.has(c.kind))
    .map((c) => c.at)
    .reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), grant.awardedAt);
}

type Detailed = { grant: Grant; shares: FundingShare[]; changes: GrantChange[] };
type Context = { pool: Pool; consortium: Consortium; org: (id: string) => { id: string; name: string } };

function grantRecord({ grant, shares, changes }: Detailed, { pool, consortium, org }: Context) {
  const byFunder = new Map<string, number>();
  for (const s of shares) byFunder.set(s.funderOrgId, (byFunder.get(s.funderOrgId) ?? 0) + s.amount);
  return {
    id: grantIdentifier(grant.id),
    title: grant.title,
    description: grant.description ?? grant.title,
    currency: grant.currency,
    amountAwarded: poundsDecimal(grant.amount),
    // The day the decision was made where it was made: a grant awarded at 00:30 in a London summer is that day's, not the UTC day before.
    awardDate: londonDate(new Date(grant.awardedAt)),
    plannedDates: [{ startDate: grant.plannedStart, endDate: grant.plannedEnd, duration: grant.durationMonths }],
    recipientOrganization: [org(grant.recipientOrgId)],
    fundingOrganization: [...byFunder.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => org(id)),
    grantProgramme: [{ code: pool.id, title: pool.name }],
    beneficiaryLocation: [{ name: consortium.place, countryCode: 'GB' }],
    classifications: [
      {
        vocabulary: 'grantloop:funding-arrangement',
        code: 'pooled-fund',
        title: `Pooled fund: ${byFunder.size} funder${byFunder.size === 1 ? '' : 's'} in the ${consortium.name} consortium`,
      },
    ],
    ...(grant.regrantType ? { regrantType: grant.regrantType } : {}),
    dateModified: grantModified(grant, changes),
  };
}

/**
 * A 360Giving 1.4 package of the pool's grants. Each grant lists every funder whose money it
 * used (the pool's collaboration is visible as several funding organisations), amounts are in
 * pounds, dates are plain dates, and regrants carry the standard's regrantType code. Nothing in
 * it comes from the moment of the request: each grant's `dateModified` is when its own record
 * last changed and the package is `issued` on the newest of them, so an unchanged pool exports
 * byte for byte the same.
 */
export async function export360Giving(deps: PoolDeps, caller: Caller | 'system', poolId: string) {
  const { pool, consortium } = caller === 'system' ? await poolWithConsortium(deps, poolId) : await readablePool(deps, caller, poolId);
  const grants = await deps.pools.listPoolGrants(poolId);
  if (grants.length === 0) throw new DomainError('conflict', `pool ${pool.name} has no grants yet; a 360Giving package needs at least one`);
  const detailed = await Promise.all(
    grants.map(async (g): Promise<Detailed> => {
      const found = await deps.pools.getGrant(g.id);
      if (!found) throw new DomainError('not-found', `grant ${g.id} is listed in pool ${poolId} but cannot be read`);
      return found;
    }),
  );
  const orgIds = detailed.flatMap(({ grant, shares }) => [grant.recipientOrgId, ...shares.map((s) => s.funderOrgId)]);
  const orgs = await deps.consortia.getOrganisations(orgIds);
  const org = (id: string) => ({ id: orgs.get(id)?.identifier as string, name: orgs.get(id)?.name as string });
  const records = detailed
    .sort((a, b) =>
      a.grant.awardedAt === b.grant.awardedAt ? a.grant.id.localeCompare(b.grant.id) : a.grant.awardedAt < b.grant.awardedAt ? -1 : 1,
    )
    .map((d) => grantRecord(d, { pool, consortium, org }));
  const newest = records.map((r) => r.dateModified).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));

  return {
    version: '1.4',
    title: `${pool.name} — grants from the ${consortium.name} pooled fund`,
    issued: newest.slice(0, 10),
    publisher: { name: consortium.name },
    grants: records,
  };
}
