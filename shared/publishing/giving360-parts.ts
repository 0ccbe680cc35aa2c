import type { Consortium } from '../consortia/consortium';
import { tagLabels } from '../overview/evidence';
import { placeByCode, to360GivingLocation } from '../platform/places/places';
import type { StoredEntry } from '../pools/store';
import type { Giving360Classification, Giving360Location, Giving360Org, Giving360Source, WithPrefix } from './giving360-types';
import type { InfrastructureFunction } from './settings';

/**
 * The prefix grantloop's own exports used before funders had registered prefixes: a funder
 * without one still gets well-formed, unique identifiers, and `missingPrefixes` names it so the
 * self-check can say a registry entry needs its registered prefix first.
 */
const FALLBACK_PREFIX = '360G-grantloop';

export const prefixOf = (org: WithPrefix | undefined): string => org?.giving360Prefix?.trim() || FALLBACK_PREFIX;

/** Whoever publishes under the fallback prefix: the host and every other funder with a contribution. */
export function missingPrefixes(src: Pick<Giving360Source, 'consortium' | 'pledges' | 'orgs'>): WithPrefix[] {
  const ids = new Set([src.consortium.leadOrgId, ...src.pledges.map((p) => p.funderOrgId)]);
  return [...ids].flatMap((id) => {
    const org = src.orgs.get(id);
    return org && !org.giving360Prefix?.trim() ? [org] : [];
  });
}

/**
 * An organisation as 360Giving names it: its org-id.guide identifier and name, and the register
 * number the identifier already carries (360Giving's quality check asks recipients for a charity
 * or company number: NoRecipientOrgCompanyCharityNumber). Scottish and Northern Irish charity
 * numbers are charity numbers too.
 */
export function orgOf(id: string, orgs: Map<string, WithPrefix>): Giving360Org {
  const org = orgs.get(id);
  if (!org) throw new Error(`organisation ${id} is not in the 360Giving source`);
  const register = /^(GB-CHC|GB-SC|GB-NIC|GB-COH)-(.+)$/.exec(org.identifier);
  const number = register?.[2];
  if (!number) return { id: org.identifier, name: org.name };
  return register[1] === 'GB-COH'
    ? { id: org.identifier, name: org.name, companyNumber: number }
    : { id: org.identifier, name: org.name, charityNumber: number };
}

/**
 * Beneficiary locations: the consortium's place, then the grant's own areas, each from the
 * shipped list with its ONS GSS code and the 360Giving geoCodeType (to360GivingLocation). A code
 * not in the list is left out rather than published without a name. With no place chosen at all
 * the consortium's place is named in words, which 360Giving's check flags until the lead picks one.
 */
export function locations(consortium: Consortium, codes: (string | undefined)[]): Giving360Location[] {
  const places = [...new Set(codes)].flatMap((code) => {
    const place = code ? placeByCode(code) : undefined;
    return place ? [place] : [];
  });
  if (places.length === 0) return [{ name: consortium.place, countryCode: 'GB' }];
  return places.map((place) => ({ ...to360GivingLocation(place), countryCode: 'GB' as const }));
}

const FUNCTION_VOCABULARY = 'grantloop:local-infrastructure-function';

/** The functions of local infrastructure a grant pays for, in the order the lead chose them. */
export const functionClassifications = (functions: InfrastructureFunction[]): Giving360Classification[] =>
  [...new Set(functions)].map((f) => ({ vocabulary: FUNCTION_VOCABULARY, code: f, title: `Local infrastructure: ${tagLabels[f]}` }));

/** The newest of some instants (ISO strings compared as instants). */
export const newest = (first: string, ...rest: string[]): string => rest.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), first);

/** When money last moved on a grant (paid or returned), from its pool's ledger. */
export const grantMoneyMoved = (ledger: StoredEntry[], grantId: string): string[] =>
  ledger.filter((e) => (e.type === 'payment' || e.type === 'return') && e.grantId === grantId).map((e) => e.at);

/** When money was received into a bucket (a funder's money under one restriction). */
export const bucketReceipts = (ledger: StoredEntry[], bucket: string): string[] =>
  ledger.filter((e) => e.type === 'contribution' && e.postings.some((p) => p.account === `fund:${bucket}`)).map((e) => e.at);
