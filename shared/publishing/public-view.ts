import type { Grant } from '../grants/grant';
import { placeByCode } from '../platform/places/places';
import type { Pool } from '../pools/pool';
import type { Round } from '../pools/round';
import { roundDecision, roundRate } from './public-rounds';
import type { PublicSource } from './public-source';
import { publicTenders, stageOf, tenderDecision, tenderRate, timetableEntry, viewTender } from './public-tenders';
import type { GrantRoute, LicenceRef, PublicView, Timetable, ViewFeed, ViewGrant, ViewPool } from './public-view-model';
import { licenceDetails } from './settings';

export type { PublicSource, PublicSourceDeps, PublicTender, TenderCounts } from './public-source';
export { loadPublicSource } from './public-source';
export type * from './public-view-model';

/**
 * The public page of one consortium (issue 28, point 3), as a JSON view model built from its
 * records. Pure and deterministic: `now` is passed in (the view carries it as `builtAt`), the
 * input's order does not matter (everything is sorted), and only the source's own consortium's
 * records are used, whatever else the source holds. Each part is there only when the lead's
 * `show` settings allow it; a part about rounds or grants needs `show.grants` as well, and a part
 * about tenders `show.tenders`, so hiding grants or tenders hides every trace of them.
 */
export function buildPublicView(src: PublicSource, now: Date): PublicView {
  const { consortium: c, settings } = src;
  const show = settings.show;
  const own = ownRecords(src);
  const poolName = (id: string) => own.pools.find((p) => p.id === id)?.name ?? '';
  const name = (orgId: string) => src.orgs.get(orgId)?.name;
  const members = [...c.members].sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead'));
  const tenders = publicTenders(src.tenders, c.id);
  const licence = licenceRef(settings.licence);
  const place = settings.placeCode ? placeByCode(settings.placeCode) : undefined;
  // A grant won through a tender names the tender only where tenders are shown.
  const tenderTitles = new Map(show.tenders ? tenders.map((t) => [t.tender.id, t.tender.title]) : []);
  const grants = show.grants ? own.grants.map((g) => viewGrant(g, { rounds: own.rounds, tenderTitles }, poolName, name)) : [];
  const decidedRounds = show.grants ? own.rounds : [];
  const shownTenders = show.tenders ? tenders : [];
  return {
    consortiumId: c.id,
    builtAt: now.toISOString(),
    name: c.name,
    place: place ? { name: place.name, code: place.code } : { name: c.place },
    lead: name(c.leadOrgId) ?? '',
    members: members.map((m) => name(m.orgId)).filter((n) => n !== undefined),
    ...(settings.purpose?.trim() ? { purpose: settings.purpose.trim() } : {}),
    licence,
    ...(show.grants ? { pools: own.pools.map((p) => viewPool(p, grants)), grants } : {}),
    ...(show.tenders ? { tenders: tenders.map((t) => viewTender(t.tender, now)) } : {}),
    timetable: timetable(show.grants ? own.rounds.map((r) => r.round) : [], shownTenders, poolName, now),
    ...(show.successRates
      ? {
          successRates: {
            rounds: decidedRounds.map((r) => roundRate(r, poolName(r.round.poolId))).filter((r) => r !== undefined),
            tenders: shownTenders.map((t) => tenderRate(t, now)).filter((r) => r !== undefined),
          },
        }
      : {}),
    ...(show.decisions
      ? {
          decisions: {
            rounds: decidedRounds.map((r) => roundDecision(r, poolName(r.round.poolId), src.orgs)).filter((r) => r !== undefined),
            tenders: shownTenders.map((t) => tenderDecision(t.tender)).filter((r) => r !== undefined),
          },
        }
      : {}),
    feeds: feeds(c.id, licence, show),
  };
}

const byDateThenId =
  <T extends { id: string }>(date: (x: T) => string) =>
  (a: T, b: T) =>
    date(a).localeCompare(date(b)) || a.id.localeCompare(b.id);

/** The consortium's own pools, their grants and rounds, in a fixed order: a record of another consortium is dropped. */
function ownRecords(src: PublicSource) {
  const id = src.consortium.id;
  const pools = src.pools.filter((p) => p.consortiumId === id).sort(byDateThenId((p) => p.createdAt));
  const poolIds = new Set(pools.map((p) => p.id));
  const grants = src.grants
    .filter((g) => g.consortiumId === id && poolIds.has(g.poolId) && g.amount > 0)
    .sort(byDateThenId((g) => g.awardedAt));
  const rounds = src.rounds
    .filter((r) => r.round.consortiumId === id && poolIds.has(r.round.poolId))
    .map((r) => ({ round: r.round, proposals: [...r.proposals].sort((a, b) => a.id.localeCompare(b.id)) }))
    .sort((a, b) => a.round.openedAt.localeCompare(b.round.openedAt) || a.round.id.localeCompare(b.round.id));
  return { pools, grants, rounds };
}

type Routes = { rounds: ReturnType<typeof ownRecords>['rounds']; tenderTitles: Map<string, string> };

function routeOf(g: Grant, own: Routes): GrantRoute {
  const round = g.roundId ? own.rounds.find((r) => r.round.id === g.roundId) : undefined;
  if (round) return { kind: 'round', name: round.round.name };
  if (g.tenderId) {
    const title = own.tenderTitles.get(g.tenderId);
    return title ? { kind: 'tender', title } : { kind: 'tender' };
  }
  return { kind: 'direct' };
}

function viewGrant(g: Grant, own: Routes, poolName: (id: string) => string, name: (id: string) => string | undefined): ViewGrant {
  return {
    id: g.id,
    title: g.title,
    recipient: name(g.recipientOrgId) ?? 'Unnamed recipient',
    amount: g.amount,
    awardedAt: g.awardedAt,
    plannedStart: g.plannedStart,
    plannedEnd: g.plannedEnd,
    poolId: g.poolId,
    pool: poolName(g.poolId),
    route: routeOf(g, own),
  };
}

function viewPool(p: Pool, grants: ViewGrant[]): ViewPool {
  const mine = grants.filter((g) => g.poolId === p.id);
  return {
    id: p.id,
    name: p.name,
    purpose: p.purpose,
    open: p.status === 'open',
    lots: p.lots.map((l) => l.name),
    grants: mine.length,
    granted: mine.reduce((a, g) => a + g.amount, 0),
  };
}

function timetable(rounds: Round[], tenders: PublicSource['tenders'], poolName: (id: string) => string, now: Date): Timetable {
  return {
    roundsOpen: rounds
      .filter((r) => r.status === 'open')
      .map((r) => ({ id: r.id, name: r.name, pool: poolName(r.poolId), openedAt: r.openedAt })),
    roundsDeciding: rounds
      .filter((r) => r.status === 'voting' || r.status === 'escalated')
      .map((r) => ({ id: r.id, name: r.name, pool: poolName(r.poolId), ...(r.closedAt ? { closedAt: r.closedAt } : {}) })),
    tendersOpen: tenders.filter((t) => stageOf(t.tender, now) === 'open').map((t) => timetableEntry(t.tender)),
    tendersComing: tenders.filter((t) => stageOf(t.tender, now) === 'coming').map((t) => timetableEntry(t.tender)),
  };
}

const licenceRef = (id: PublicView['licence']['id']): LicenceRef => ({ id, ...licenceDetails[id] });

/** The feeds, each under the consortium's licence: 360Giving when grants are shown, OCDS when tenders are. */
function feeds(consortiumId: string, licence: LicenceRef, show: PublicSource['settings']['show']): ViewFeed[] {
  const base = `/open/${encodeURIComponent(consortiumId)}`;
  const giving: ViewFeed[] = [
    { title: '360Giving grants data', href: `${base}/360giving.json`, format: 'JSON', standard: '360Giving', licence },
    { title: '360Giving grants data', href: `${base}/360giving.csv`, format: 'CSV', standard: '360Giving', licence },
  ];
  const ocds: ViewFeed[] = [
    { title: 'OCDS release packages', href: `${base}/ocds/releases`, format: 'JSON', standard: 'OCDS', licence },
    { title: 'OCDS record packages', href: `${base}/ocds/records`, format: 'JSON', standard: 'OCDS', licence },
  ];
  return [...(show.grants ? giving : []), ...(show.tenders ? ocds : [])];
}
