import type { Grant, GrantChange } from '../grants/grant';
import { dayInWords, pounds } from '../platform/format';
import { londonDate } from '../platform/london-time';
import { poundsDecimal } from '../platform/money';
import { grantModified } from '../pools/giving360';
import { type FundingShare, plannedEnd } from '../pools/grant';
import { type Pledge, pledged, receivedOn } from '../pools/pledge';
import type { Pool } from '../pools/pool';
import { bucketKey, type Restriction } from '../pools/restriction';
import { bucketReceipts, functionClassifications, grantMoneyMoved, locations, newest, orgOf, prefixOf } from './giving360-parts';
import type { Giving360Classification, Giving360Grant, Giving360Source } from './giving360-types';

type Detailed = Giving360Source['grants'][number];

/**
 * 360Giving Regrant Type FRG040, "Funder collaboration": "Grants awarded by multiple funders to a
 * single grantmaking organisation to create a fund for redistribution as grants to end
 * recipients" (codelists/regrantType.csv). 360Giving's guide to regranting gives it to the
 * donor funder's grant into the pool; the host's grants out of the pool carry no regrant code
 * ("Grants awarded to recipients to fund projects and activities must not be categorised using
 * this codelist"): standard commit d48f457^, documentation/guidance/regranting.md.
 */
export const FUNDER_COLLABORATION = 'FRG040';

/** The identifier of a funder's contribution into a pool, under that funder's own prefix. */
export const contributionId = (src: Giving360Source, pledge: Pledge) =>
  `${prefixOf(src.orgs.get(pledge.funderOrgId))}-contribution-${pledge.id}`;

const pooledFund = (src: Giving360Source, code: 'pooled-fund' | 'pooled-fund-contribution'): Giving360Classification => {
  const funders = new Set(src.pledges.map((p) => p.funderOrgId)).size;
  const what = code === 'pooled-fund' ? 'Pooled fund' : 'Contribution to a pooled fund';
  return {
    vocabulary: 'grantloop:funding-arrangement',
    code,
    title: `${what}: ${funders} funder${funders === 1 ? '' : 's'} in the ${src.consortium.name} consortium`,
  };
};

const restrictionWords = (r: Restriction, pool: Pool) =>
  r.kind === 'core'
    ? ''
    : 'lotId' in r
      ? ` It may fund only grants in ${pool.lots.find((l) => l.id === r.lotId)?.name ?? r.lotId}.`
      : ` It may fund only grants for ${r.purpose}.`;

/**
 * A funder's pledge into a pool as that funder's grant to the pool's host (FRG040): awarded what
 * was pledged, disbursed what has been received, decided when the pledge was made (its London
 * day), over the financial years pledged (April to March). Its Last Modified moves with each
 * receipt into the funder's bucket (a bucket may hold two pledges of the same restriction: both
 * then move, which says "may have changed", never "unchanged" when it did).
 */
export function contributionRecord(src: Giving360Source, pool: Pool, pledge: Pledge): Giving360Grant {
  const host = orgOf(src.consortium.leadOrgId, src.orgs);
  const funder = orgOf(pledge.funderOrgId, src.orgs);
  const starts = pledge.years.map((y) => Number(y.financialYear.slice(0, 4)));
  const startDate = `${Math.min(...starts)}-04-01`;
  const duration = (Math.max(...starts) - Math.min(...starts) + 1) * 12;
  const receipts = bucketReceipts(src.ledgers.get(pool.id) ?? [], bucketKey(pledge.funderOrgId, pledge.restriction));
  return {
    id: contributionId(src, pledge),
    title: `Contribution to the ${pool.name} pooled fund`,
    description:
      `${funder.name}'s contribution to the ${pool.name} pooled fund of the ${src.consortium.name} consortium, held by ${host.name}, ` +
      `for grants its funders decide together: ${pool.purpose}.${restrictionWords(pledge.restriction, pool)}`,
    currency: 'GBP',
    amountAwarded: poundsDecimal(pledged(pledge)),
    amountDisbursed: poundsDecimal(receivedOn(pledge)),
    awardDate: londonDate(new Date(pledge.createdAt)),
    plannedDates: [{ startDate, endDate: plannedEnd(startDate, duration), duration }],
    recipientOrganization: [host],
    fundingOrganization: [funder],
    beneficiaryLocation: locations(src.consortium, [src.settings.placeCode]),
    grantProgramme: [{ code: pool.id, title: pool.name }],
    classifications: [pooledFund(src, 'pooled-fund-contribution')],
    regrantType: FUNDER_COLLABORATION,
    dateModified: newest(pledge.createdAt, ...receipts),
    dataSource: src.feedUrl,
  };
}

const paidOut = (shares: FundingShare[]) => shares.reduce((a, s) => a + s.paid, 0);

/**
 * When a terminated grant ended: `terminated` is final, so the grant's latest status change is
 * its termination (grants/grant-plan.ts: nothing leaves terminated).
 */
export function terminatedAt(grant: Grant, changes: GrantChange[]): string | undefined {
  if (grant.status !== 'terminated') return undefined;
  return changes.filter((c) => c.kind === 'status').at(-1)?.at;
}

/**
 * A grant terminated before anything was paid did not go ahead: 360Giving's guidance is to remove
 * such grants from the published file ("remove grants that were awarded but didn't go ahead",
 * https://www.360giving.org/publish/guidance/post-publishing/how-to-correct); there is no delete
 * record in the standard. One terminated after payments stays, showing what was paid.
 */
export const didNotGoAhead = ({ grant, shares }: Detailed) => grant.status === 'terminated' && paidOut(shares) === 0;

/** Every funder whose money the grant used, the host (whose grant it is) first, then by amount. */
function funders(src: Giving360Source, shares: FundingShare[]) {
  const host = src.consortium.leadOrgId;
  const byFunder = new Map<string, number>();
  for (const s of shares) byFunder.set(s.funderOrgId, (byFunder.get(s.funderOrgId) ?? 0) + s.amount);
  byFunder.delete(host);
  const others = [...byFunder.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  return [host, ...others].map((id) => orgOf(id, src.orgs));
}

/**
 * The FRG040 contributions whose money the grant drew on: every other funder's pledge into the
 * same pool under a restriction (bucket) one of its shares came from. 360Giving's Related
 * Activity is "the identifiers of any related activities (e.g. other grants given as part of a
 * multi-grant project)"; it links the grant to the contributions without adding money.
 */
function drewOn(src: Giving360Source, grant: Grant, shares: FundingShare[]) {
  const buckets = new Set(shares.map((s) => s.bucket));
  return src.pledges
    .filter((p) => p.poolId === grant.poolId && p.funderOrgId !== src.consortium.leadOrgId)
    .filter((p) => buckets.has(bucketKey(p.funderOrgId, p.restriction)))
    .map((p) => contributionId(src, p))
    .sort();
}

/** Start and end as the record shows them; the duration only while it still agrees with them (a dates amendment changes the end, not the months). */
function planned(grant: Grant) {
  const dates = { startDate: grant.plannedStart, endDate: grant.plannedEnd };
  return plannedEnd(grant.plannedStart, grant.durationMonths) === grant.plannedEnd ? { ...dates, duration: grant.durationMonths } : dates;
}

function programme(src: Giving360Source, grant: Grant, pool: Pool) {
  const round = grant.roundId ? src.rounds.find((r) => r.id === grant.roundId) : undefined;
  return round ? { code: round.id, title: `${pool.name}: ${round.name}` } : { code: pool.id, title: pool.name };
}

function description(src: Giving360Source, d: Detailed, pool: Pool, ended: string | undefined) {
  const own = d.grant.description?.trim();
  // A description that only repeats the title tells a reader nothing (360Giving's TitleDescriptionSame).
  const base =
    own && own !== d.grant.title
      ? own
      : `${d.grant.title}: a grant from the ${pool.name} pooled fund of the ${src.consortium.name} consortium.`;
  if (!ended) return base;
  return `${base} The grant ended early on ${ended}, after ${pounds(paidOut(d.shares))} of ${pounds(d.grant.amount)} was paid.`;
}

/**
 * A grant from a pool, published under the host's prefix. What was paid (net of money returned)
 * is its amount disbursed; its Last Modified is its award, the latest amendment the record shows
 * (amount, dates: grantModified), money paid or returned, and its termination.
 */
export function poolGrantRecord(src: Giving360Source, d: Detailed, pool: Pool): Giving360Grant {
  const { grant, shares, changes } = d;
  const ended = terminatedAt(grant, changes);
  const publishing = src.grantPublishing.get(grant.id);
  const related = drewOn(src, grant, shares);
  const moved = grantMoneyMoved(src.ledgers.get(pool.id) ?? [], grant.id);
  return {
    id: `${prefixOf(src.orgs.get(src.consortium.leadOrgId))}-${grant.id}`,
    title: grant.title,
    description: description(src, d, pool, ended ? dayInWords(ended) : undefined),
    currency: 'GBP',
    amountAwarded: poundsDecimal(grant.amount),
    amountDisbursed: poundsDecimal(shares.reduce((a, s) => a + s.paid - s.returned, 0)),
    awardDate: londonDate(new Date(grant.awardedAt)),
    plannedDates: [planned(grant)],
    recipientOrganization: [orgOf(grant.recipientOrgId, src.orgs)],
    fundingOrganization: funders(src, shares),
    beneficiaryLocation: locations(src.consortium, [src.settings.placeCode, ...(publishing?.areaCodes ?? [])]),
    grantProgramme: [programme(src, grant, pool)],
    classifications: [...functionClassifications(publishing?.functions ?? []), pooledFund(src, 'pooled-fund')],
    ...(grant.regrantType ? { regrantType: grant.regrantType } : {}),
    ...(related.length ? { relatedActivity: related } : {}),
    dateModified: newest(grantModified(grant, changes), ...moved, ...(ended ? [ended] : [])),
    dataSource: src.feedUrl,
  };
}
