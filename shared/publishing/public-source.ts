import type { Consortium } from '../consortia/consortium';
import type { Organisation } from '../consortia/organisation';
import type { ConsortiaStore } from '../consortia/store';
import type { Grant } from '../grants/grant';
import type { Pool } from '../pools/pool';
import type { Proposal, Round } from '../pools/round';
import type { PoolStore, RoundStore } from '../pools/store';
import type { TenderStore } from '../tenders/store';
import { bidsUnsealed, type Tender } from '../tenders/tender';
import { didNotGoAhead } from './giving360-records';
import type { PublishingSettings } from './settings';

/**
 * How many providers took part in a tender, known only once its submission deadline has
 * passed: before it the store will not even count its bids (tender.ts `bidsUnsealed`).
 */
export interface TenderCounts {
  interests: number;
  bids: number;
  /** Bids per lot id (a bid may cover several lots). */
  bidsPerLot: Record<string, number>;
}

export interface PublicTender {
  tender: Tender;
  /** Absent before the submission deadline, and for a tender never published. */
  counts?: TenderCounts;
}

/** Everything the public page of one consortium is built from: that consortium's records only. */
export interface PublicSource {
  consortium: Consortium;
  settings: PublishingSettings;
  /** The consortium's members and the recipients of its grants, by id: nobody else. */
  orgs: Map<string, Organisation>;
  pools: Pool[];
  rounds: { round: Round; proposals: Proposal[] }[];
  grants: Grant[];
  tenders: PublicTender[];
}

/** The store ports the loader reads, and nothing else. */
export interface PublicSourceDeps {
  consortia: Pick<ConsortiaStore, 'getConsortium' | 'getOrganisations'>;
  pools: Pick<PoolStore, 'listPools' | 'listPoolGrants' | 'getGrant'>;
  rounds: Pick<RoundStore, 'listPoolRounds' | 'getRound'>;
  tenders: Pick<TenderStore, 'listTenders' | 'listInterests' | 'listBids'>;
}

/** The counts of a published tender whose deadline has passed; undefined otherwise, without asking the store for bids. */
async function countsOf(deps: PublicSourceDeps, tender: Tender, now: Date): Promise<TenderCounts | undefined> {
  if (!tender.publishedAt || !bidsUnsealed(tender, now)) return undefined;
  const [interests, bids] = await Promise.all([deps.tenders.listInterests(tender.id), deps.tenders.listBids(tender, now)]);
  const bidsPerLot: Record<string, number> = {};
  for (const bid of bids) for (const lot of bid.lots) bidsPerLot[lot.lotId] = (bidsPerLot[lot.lotId] ?? 0) + 1;
  return { interests: interests.length, bids: bids.length, bidsPerLot };
}

/**
 * The grants that went ahead: one terminated before anything was paid is left out, as the
 * 360Giving file leaves it out (360Giving: remove grants that were awarded but did not go
 * ahead), so the page and the file never disagree. Only a terminated grant's shares are read.
 */
async function goneAhead(deps: PublicSourceDeps, grants: Grant[]): Promise<Grant[]> {
  const withdrawn = new Set<string>();
  for (const g of grants.filter((x) => x.status === 'terminated')) {
    const found = await deps.pools.getGrant(g.id);
    if (found && didNotGoAhead(found)) withdrawn.add(g.id);
  }
  return grants.filter((g) => !withdrawn.has(g.id));
}

/**
 * Reads one consortium's records through the features' store ports. Organisations are read
 * only for the members and for the recipients of funded proposals and grants, so an
 * unsuccessful applicant's name is never even in the source. Undefined if there is no such consortium.
 */
export async function loadPublicSource(
  deps: PublicSourceDeps,
  consortiumId: string,
  settings: PublishingSettings,
  now: Date,
): Promise<PublicSource | undefined> {
  const consortium = await deps.consortia.getConsortium(consortiumId);
  if (!consortium) return undefined;
  const pools = (await deps.pools.listPools(consortiumId)).filter((p) => p.consortiumId === consortiumId);
  const grants = await goneAhead(deps, (await Promise.all(pools.map((p) => deps.pools.listPoolGrants(p.id)))).flat());
  const headers = (await Promise.all(pools.map((p) => deps.rounds.listPoolRounds(p.id)))).flat();
  const rounds = (await Promise.all(headers.map((r) => deps.rounds.getRound(r.id))))
    .filter((r) => r !== undefined)
    .map(({ round, proposals }) => ({ round, proposals }));
  const tenders = await Promise.all(
    (await deps.tenders.listTenders(consortiumId)).map(async (tender) => {
      const counts = await countsOf(deps, tender, now);
      return counts ? { tender, counts } : { tender };
    }),
  );
  const funded = rounds.flatMap((r) => r.proposals.filter((p) => p.status === 'funded').map((p) => p.recipientOrgId));
  const orgIds = new Set([...consortium.members.map((m) => m.orgId), ...grants.map((g) => g.recipientOrgId), ...funded]);
  const orgs = await deps.consortia.getOrganisations([...orgIds].sort());
  return { consortium, settings, orgs, pools, rounds, grants, tenders };
}
