import type { ConsortiaStore } from '../consortia/store';
import type { Contract } from '../contracts/contract';
import { contractRelease } from '../contracts/ocds';
import type { ContractStore } from '../contracts/store';
import { notFound } from '../platform/errors';
import { checkOcidPrefix, ocidOf, tenderFacts } from '../tenders/ocds';
import { newestDate, type PackageMeta, recordOf, recordsPackage, releasePackage } from '../tenders/ocds-package';
import { type Json, type PartyFacts, providerIdentifier } from '../tenders/ocds-parts';
import { type OcdsFacts, type Release, tenderReleases } from '../tenders/ocds-releases';
import type { TenderStore } from '../tenders/store';
import type { Tender } from '../tenders/tender';
import { withoutUnsuccessfulBidders } from './ocds-public';
import { type Licence, licenceDetails } from './settings';

/** A published tender as its releases are made: everything `tenderReleases` needs but the ocid, which the feed's prefix gives. */
export type OcdsTenderSource = Omit<OcdsFacts, 'ocid'>;

/** A contract one of the consortium's tender awards became, with the parties its implementation release names. */
export interface OcdsContractSource {
  contract: Contract;
  council: PartyFacts;
  supplier: PartyFacts;
}

/** What a consortium's OCDS feed is built from: read by `loadOcdsSource`, or made by hand in a test. */
export interface OcdsSource {
  consortium: { id: string; name: string };
  /** Published tenders only; bids only where the deadline has passed (see `tenderFacts`). */
  tenders: OcdsTenderSource[];
  contracts: OcdsContractSource[];
}

export interface OcdsFeedOptions {
  /** The deployment's registered ocid prefix (`config.ocidPrefix()`), e.g. ocds-grloop. */
  prefix: string;
  /** Where the consortium's feeds are served, without a trailing slash: `https://…/open/{consortiumId}`. */
  baseUrl: string;
  pageSize: number;
  /** Who publishes: the consortium's name unless given. */
  publisher?: string;
  licence: Licence;
}

export type ReleasePackage = ReturnType<typeof releasePackage>;
export type RecordPackage = ReturnType<typeof recordsPackage>;

export interface OcdsFeed {
  releasePages: ReleasePackage[];
  recordPages: RecordPackage[];
}

type Dep = {
  tenders: Pick<TenderStore, 'listTenders' | 'listInterests' | 'listBids' | 'listQuestions'>;
  consortia: Pick<ConsortiaStore, 'getConsortium' | 'getOrganisations'>;
  contracts: Pick<ContractStore, 'getContract'>;
};

/**
 * The consortium's published tenders as of `now` (bids only past each deadline, by the same rule
 * as a tender's own OCDS) and the contracts their awards became. A draft or a tender in sign-off
 * has no releases yet; a tender of another consortium is never read (and the builder refuses one).
 */
export async function loadOcdsSource(deps: Dep, consortiumId: string, now: Date): Promise<OcdsSource> {
  const consortium = await deps.consortia.getConsortium(consortiumId);
  if (!consortium) throw notFound('consortium', consortiumId);
  const published = (await deps.tenders.listTenders(consortiumId)).filter((t) => t.consortiumId === consortiumId && t.publishedAt);
  const tenders = await Promise.all(published.map((t) => tenderFacts(deps, t, now)));
  const contracts = (await Promise.all(tenders.map((t) => awardedContracts(deps, t)))).flat();
  const councils = await deps.consortia.getOrganisations([...new Set(contracts.map((c) => c.contract.councilOrgId))]);
  return {
    consortium: { id: consortium.id, name: consortium.name },
    tenders,
    contracts: contracts.map(({ contract, supplier }) => {
      const council = councils.get(contract.councilOrgId);
      return {
        contract,
        supplier,
        council: {
          identifier: council?.identifier ?? `XI-GRANTLOOP-${contract.councilOrgId}`,
          name: council?.name ?? contract.councilOrgId,
        },
      };
    }),
  };
}

/**
 * The contracts the tender's awarded lots became: a contract from an award has the lot's grant id
 * (shared/contracts/from-tender.ts) and names the tender as its source. The supplier is named as
 * the tender's releases name it (its org-id, or the identifier grantloop made from its interest),
 * so the record compiles to one party, not two.
 */
async function awardedContracts(deps: Dep, t: OcdsTenderSource) {
  const awarded = t.tender.outcomes.filter((o) => o.status === 'awarded' && o.grantId);
  const found = await Promise.all(
    awarded.map(async (o) => {
      const contract = await deps.contracts.getContract(o.grantId as string);
      if (contract?.source.kind !== 'tender' || contract.source.tenderId !== t.tender.id) return [];
      const interest = t.interests.find((i) => i.id === o.winner?.interestId);
      const identifier = contract.supplier.identifier ?? (interest ? providerIdentifier(interest) : `XI-GRANTLOOP-${contract.id}-S`);
      return [{ contract, supplier: { identifier, name: contract.supplier.name } }];
    }),
  );
  return found.flat();
}

const byDateThenId = (a: Release, b: Release) => Date.parse(a.date) - Date.parse(b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every release in the feed, oldest first (ties by id): each tender's stages, then its contracts' implementation. */
export function feedReleases(src: OcdsSource, prefix: string): Release[] {
  checkOcidPrefix(prefix);
  const mine = new Map<string, Tender>();
  for (const { tender } of src.tenders) {
    // The loader reads one consortium's tenders; a source that mixes them would publish another consortium's.
    if (tender.consortiumId !== src.consortium.id) throw new Error(`tender ${tender.id} is not of consortium ${src.consortium.id}`);
    mine.set(tender.id, tender);
  }
  const releases = src.tenders.flatMap((t) => withoutUnsuccessfulBidders(tenderReleases({ ...t, ocid: ocidOf(prefix, t.tender.id) })));
  for (const { contract, council, supplier } of src.contracts) {
    const tender = contract.source.kind === 'tender' ? mine.get(contract.source.tenderId) : undefined;
    if (!tender?.publishedAt)
      throw new Error(`contract ${contract.id} did not come from a published tender of consortium ${src.consortium.id}`);
    const ocid = ocidOf(prefix, tender.id);
    const processParties = releases.filter((r) => r.ocid === ocid).flatMap((r) => r.parties as Json[]);
    releases.push(contractRelease(contract, { prefix, council, supplier, processParties }));
  }
  assertUniqueIds(releases);
  return releases.sort(byDateThenId);
}

/** A release id names one release in the whole feed (OCDS asks only within an ocid; a feed mixing ocids must not repeat one either). */
function assertUniqueIds(releases: Release[]) {
  const seen = new Set<string>();
  const repeated = releases.filter((r) => seen.size === seen.add(r.id).size).map((r) => r.id);
  if (repeated.length) throw new Error(`release ids repeat in the feed: ${[...new Set(repeated)].join(', ')}`);
}

function pagesOf<T>(items: T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let at = 0; at < items.length; at += size) pages.push(items.slice(at, at + size));
  return pages;
}

/**
 * Each page's URL and its links: OCDS 1.1.5's package schemas allow a `links` object, and the
 * pagination extension (open-contracting-extensions/ocds_pagination_extension) and Find a
 * Tender's OCDS API name the pages either side `links.next` and `links.prev`. The first page
 * has no prev, the last no next.
 */
function pageMeta(opts: OcdsFeedOptions, publisher: string, kind: 'releases' | 'records', n: number, count: number, dates: Release[]) {
  const url = (page: number) => `${opts.baseUrl.replace(/\/+$/, '')}/ocds/${kind}?page=${page}`;
  const links = { ...(n < count ? { next: url(n + 1) } : {}), ...(n > 1 ? { prev: url(n - 1) } : {}) };
  const meta: PackageMeta = {
    uri: url(n),
    // The page's own newest release, as OCDS asks of a package made on demand: a page nothing new
    // reached stays byte for byte the same (and keeps its ETag) while later pages grow.
    publishedDate: newestDate(dates),
    publisher,
    license: licenceDetails[opts.licence].url,
    ...(Object.keys(links).length ? { links } : {}),
  };
  return meta;
}

/**
 * The consortium's OCDS feed: release packages of every release, and record packages of one
 * record per contracting process (its releases and compiled release), each split into pages of
 * `pageSize` linked by `links.next`/`links.prev`. Pure: the same source gives the same bytes. A
 * feed with nothing published has no pages (a package holds at least one release or record).
 */
export function buildOcdsFeed(src: OcdsSource, opts: OcdsFeedOptions): OcdsFeed {
  if (!Number.isInteger(opts.pageSize) || opts.pageSize < 1) throw new Error(`a page holds at least one item, not ${opts.pageSize}`);
  const publisher = opts.publisher ?? src.consortium.name;
  const releases = feedReleases(src, opts.prefix);
  const releasePages = pagesOf(releases, opts.pageSize);
  const byOcid = new Map<string, Release[]>();
  for (const r of releases) byOcid.set(r.ocid, [...(byOcid.get(r.ocid) ?? []), r]);
  // Records in the order their processes began (their first release), so a new process adds to the last page.
  const recordPages = pagesOf([...byOcid.values()].map(recordOf), opts.pageSize);
  return {
    releasePages: releasePages.map((page, i) =>
      releasePackage(page, pageMeta(opts, publisher, 'releases', i + 1, releasePages.length, page)),
    ),
    recordPages: recordPages.map((page, i) =>
      recordsPackage(
        page,
        pageMeta(
          opts,
          publisher,
          'records',
          i + 1,
          recordPages.length,
          page.flatMap((r) => r.releases),
        ),
      ),
    ),
  };
}
