import { londonDate } from '../platform/london-time';
import type { Pool } from '../pools/pool';
import { newest, orgOf, prefixOf } from './giving360-parts';
import { contributionRecord, didNotGoAhead, poolGrantRecord, terminatedAt } from './giving360-records';
import type { Giving360Grant, Giving360Package, Giving360Source } from './giving360-types';
import { licenceDetails } from './settings';

export { giving360Csv } from './giving360-csv';
export { type Giving360Deps, load360Source } from './giving360-load';
export { missingPrefixes } from './giving360-parts';
export type { Giving360Grant, Giving360Package, Giving360Source } from './giving360-types';

const byTime =
  <T>(at: (t: T) => string, id: (t: T) => string) =>
  (a: T, b: T) =>
    Date.parse(at(a)) - Date.parse(at(b)) || id(a).localeCompare(id(b));

/**
 * One pool's records: each other funder's contribution into it (FRG040), then its grants, each
 * oldest first. A pledge by the host itself is no grant: the host cannot grant to itself, and
 * its money appears as the host's own grants out of the pool (the host is their funder).
 */
function poolRecords(src: Giving360Source, pool: Pool): Giving360Grant[] {
  const contributions = src.pledges
    .filter((p) => p.poolId === pool.id && p.funderOrgId !== src.consortium.leadOrgId)
    .sort(
      byTime(
        (p) => p.createdAt,
        (p) => p.id,
      ),
    )
    .map((p) => contributionRecord(src, pool, p));
  const grants = src.grants
    .filter((d) => d.grant.poolId === pool.id && !didNotGoAhead(d))
    .sort(
      byTime(
        (d) => d.grant.awardedAt,
        (d) => d.grant.id,
      ),
    )
    .map((d) => poolGrantRecord(src, d, pool));
  return [...contributions, ...grants];
}

/**
 * A 360Giving 1.4 package of everything the consortium's pools granted: every other funder's
 * contribution into a pool as that funder's grant to the host (FRG040), and every grant out of a
 * pool under the host's prefix, naming each funder whose money it used. Pure and deterministic:
 * nothing comes from the moment it is built, so the same records give byte-identical output.
 *
 * `issued` is "the date the file was first published … the same even if the contents of the
 * file are changed" and `modified` "the date when the file was last modified … in date-time
 * format" (360Giving metadata guidance, standard/documentation/technical/metadata.md): issued is
 * the day the lead first published (the day the first pool opened, for a file built before
 * that, as the self-check builds it), which no later change moves; modified is the
 * newest change any record shows, or the withdrawal of a grant that did not go ahead (which
 * changes the file though no record is left to carry the date).
 *
 * A consortium with no contribution or grant yet gives a package with no grants, which 360Giving's
 * package schema refuses (`minItems: 1`): the caller publishes nothing until there is one.
 */
export function build360Package(src: Giving360Source): Giving360Package {
  const pools = [...src.pools].sort(
    byTime(
      (p) => p.createdAt,
      (p) => p.id,
    ),
  );
  const grants = pools.flatMap((pool) => poolRecords(src, pool));
  const withdrawn = src.grants.filter(didNotGoAhead).flatMap((d) => terminatedAt(d.grant, d.changes) ?? []);
  const opened = pools[0]?.createdAt ?? src.consortium.createdAt;
  const host = orgOf(src.consortium.leadOrgId, src.orgs);
  return {
    version: '1.4',
    identifier: `${prefixOf(src.orgs.get(src.consortium.leadOrgId))}-consortium-${src.consortium.id}`,
    title: `Grants of the ${src.consortium.name} consortium`,
    description:
      `Grants from the pooled funds of the ${src.consortium.name} consortium (${src.consortium.place}), held by ${host.name}, ` +
      'and each funder’s contribution into them, published by grantloop as 360Giving data.',
    issued: londonDate(new Date(src.settings.firstPublishedAt ?? opened)),
    modified: newest(opened, ...grants.map((g) => g.dateModified), ...withdrawn),
    publisher: { name: src.consortium.name },
    license: licenceDetails[src.settings.licence].url,
    // The public page the feed is listed on: the feed's own folder (`…/open/{consortiumId}`).
    accessURL: src.feedUrl.replace(/\/[^/]*$/, ''),
    downloadURL: src.feedUrl,
    grants,
  };
}
