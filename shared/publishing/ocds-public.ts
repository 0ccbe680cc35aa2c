import type { Json } from '../tenders/ocds-parts';
import type { Release } from '../tenders/ocds-releases';

const roles = (p: Json) => (p.roles as string[] | undefined) ?? [];

/**
 * A tender's releases as the public feed shows them: a bidder is named only in a release where it
 * is a supplier (its award is itself public, in the award and the UK6/UK7 notices); a bidder that did
 * not win, or has not yet, stays unnamed, because the consortium never publishes unsuccessful
 * bidders' names. What the bids were stays: how many, for which lots, when, each bid by its id,
 * all only once the deadline has passed (the releases have no bids before it). The tender's own
 * OCDS, for the consortium's staff, keeps every tenderer.
 */
export function withoutUnsuccessfulBidders(releases: Release[]): Release[] {
  return releases.map((release) => {
    // Suppliers of this release only: a release says what was known at its date and is never
    // rewritten (OCDS releases are immutable), so the bids release stays anonymous for good and
    // the winner is named in the award release that made it a supplier.
    const suppliers = new Set(
      ((release.parties as Json[] | undefined) ?? []).filter((p) => roles(p).includes('supplier')).map((p) => p.id),
    );
    const named = (t: Json) => suppliers.has(t.id);
    const r = structuredClone(release);
    if (r.parties) r.parties = (r.parties as Json[]).filter((p) => !roles(p).includes('tenderer') || named(p));
    const tender = r.tender as Json | undefined;
    if (tender?.tenderers) {
      const kept = (tender.tenderers as Json[]).filter(named);
      if (kept.length) tender.tenderers = kept;
      else delete tender.tenderers;
    }
    for (const bid of ((r.bids as Json | undefined)?.details as Json[] | undefined) ?? []) {
      const tenderers = ((bid.tenderers as Json[] | undefined) ?? []).filter(named);
      if (tenderers.length) bid.tenderers = tenderers;
      else delete bid.tenderers;
    }
    return r;
  });
}
