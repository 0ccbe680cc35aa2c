import type { Caller } from '../consortia/caller';
import { DomainError } from '../platform/errors';
import { newestDate, type PackageMeta, recordPackage, releasePackage } from './ocds-package';
import type { PartyFacts } from './ocds-parts';
import { type OcdsFacts, tenderReleases } from './ocds-releases';
import { bidsUnsealed, type Tender } from './tender';
import { loadTender, readableTender, type TenderRecords } from './tenders';

/** An OCDS ocid prefix as the Open Contracting Partnership registers them: `ocds-` and six letters or digits. */
const ocidPrefixPattern = /^ocds-[a-z0-9]{6}$/;

export function checkOcidPrefix(prefix: string): string {
  if (!ocidPrefixPattern.test(prefix)) {
    throw new Error(`the OCDS ocid prefix "${prefix}" is not of the form ocds-xxxxxx (six lower-case letters or digits)`);
  }
  return prefix;
}

export const ocidOf = (prefix: string, tenderId: string) => `${prefix}-${tenderId}`;

interface OcdsRequest {
  tenderId: string;
  prefix: string;
  kind: 'record' | 'release';
  /** Where the package can be fetched: the route's own URL, or the CLI's. */
  uri: string;
}

/**
 * What a tender's releases are made from, as of `now`: its buyer and funders, interests and
 * questions, and its bids only once the deadline has passed (never if it was cancelled before
 * the deadline: those bids were never opened). Shared by the tender's own OCDS and the
 * consortium's public feed, so neither can show a bid the other would not.
 */
export async function tenderFacts(
  deps: {
    tenders: Pick<TenderRecords['tenders'], 'listBids' | 'listInterests' | 'listQuestions'>;
    consortia: Pick<TenderRecords['consortia'], 'getOrganisations'>;
  },
  tender: Tender,
  now: Date,
): Promise<Omit<OcdsFacts, 'ocid'>> {
  const cancelledSealed = tender.cancellation && tender.cancellation.at < tender.dates.submissionDeadline;
  const bids = bidsUnsealed(tender, now) && !cancelledSealed ? await deps.tenders.listBids(tender, now) : undefined;
  const funderIds = tender.funders.map((f) => f.orgId);
  const orgs = await deps.consortia.getOrganisations([tender.buyerOrgId, ...funderIds]);
  const facts = (id: string): PartyFacts => ({
    identifier: orgs.get(id)?.identifier ?? `XI-GRANTLOOP-${id}`,
    name: orgs.get(id)?.name ?? id,
  });
  return {
    tender,
    buyer: facts(tender.buyerOrgId),
    funders: new Map(funderIds.map((id) => [id, facts(id)])),
    interests: await deps.tenders.listInterests(tender.id),
    bids,
    questionsAsked: (await deps.tenders.listQuestions(tender.id)).length,
  };
}

/**
 * The tender's OCDS releases, as a release package or a record package with the compiled
 * release. Bids appear only once the deadline has passed (and never if the tender was cancelled
 * before it); a tender that was never published has no releases yet.
 */
export async function tenderOcds(deps: TenderRecords, caller: Caller | 'system', req: OcdsRequest) {
  const { tender, consortium } =
    caller === 'system' ? await loadTender(deps, req.tenderId) : await readableTender(deps, caller, req.tenderId);
  if (!tender.publishedAt) {
    throw new DomainError('conflict', `tender ${tender.id} is ${tender.status}: its OCDS releases begin when it is published (UK4)`, [], {
      rule: 'not-published',
    });
  }
  const releases = tenderReleases({ ...(await tenderFacts(deps, tender, deps.clock.now())), ocid: ocidOf(req.prefix, tender.id) });
  const meta: PackageMeta = { uri: req.uri, publishedDate: newestDate(releases), publisher: consortium.name };
  return req.kind === 'release' ? releasePackage(releases, meta) : recordPackage(releases, meta);
}
