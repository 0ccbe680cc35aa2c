import { type Caller, requireOrgRole } from '../consortia/caller';
import type { ConsortiaStore } from '../consortia/store';
import { loadCouncil, readableContract, requireCouncilReader } from '../contracts/contracts';
import type { ContractStore } from '../contracts/store';
import { reportStatuses } from '../grants/report-schedule';
import { type LinkKind, LinkRegistry, linkUrl } from '../platform/links/registry';
import { newLinkToken } from '../platform/links/token';
import type { PlatformStore } from '../platform/ports';
import type { ReportStore } from '../reporting/store';
import type { TenderStore } from '../tenders/store';
import { makeEvent, subject } from './events';
import { type FeedEvent, renderCalendar } from './feed';
import { type FeedOwner, keys } from './keys';
import { milestoneEvents, reportEvents, tenderEvents } from './sources';

export interface CalendarDeps {
  platform: PlatformStore;
  consortia: ConsortiaStore;
  contracts: Pick<ContractStore, 'getContract' | 'listCouncilContracts'>;
  reports: Pick<ReportStore, 'listReportsByStatus'>;
  tenders: Pick<TenderStore, 'listTenders'>;
  clock: { now(): Date };
}

export type FeedScope = { kind: 'calendar-feed'; owner: FeedOwner['kind']; id: string };
export const FEED_LINK = { kind: 'calendar-feed', path: '/cal' } as const;
/** Feeds are subscribed to for years; rotating is how a council ends one. */
const FEED_YEARS = 10;

/** Only the council's officers make or rotate its feeds (a feed shows what the council manages). */
async function requireFeedOfficer(deps: Pick<CalendarDeps, 'consortia' | 'contracts'>, caller: Caller, owner: FeedOwner): Promise<string> {
  const councilOrgId = owner.kind === 'council' ? owner.id : (await readableContract(deps, caller, owner.id)).councilOrgId;
  requireCouncilReader(caller, councilOrgId, owner.kind, owner.id);
  requireOrgRole(caller, councilOrgId, 'officer');
  return (await loadCouncil(deps, councilOrgId)).id;
}

/**
 * A new secret feed URL, shown once (only its hash is kept); the previous URL stops working in
 * the same write. Calendars subscribed to the old one see it as gone.
 */
export async function rotateFeed(
  deps: Pick<CalendarDeps, 'platform' | 'consortia' | 'contracts' | 'clock'>,
  caller: Caller,
  owner: FeedOwner,
) {
  await requireFeedOfficer(deps, caller, owner);
  const pointer = keys.feed(owner);
  const previous = await deps.platform.getCurrentLink(pointer);
  const now = deps.clock.now();
  const { token, hash } = newLinkToken();
  const expires = new Date(now);
  expires.setUTCFullYear(expires.getUTCFullYear() + FEED_YEARS);
  const scope: FeedScope = { kind: 'calendar-feed', owner: owner.kind, id: owner.id };
  await deps.platform.rotateLink(
    pointer,
    { hash, scope, status: 'active', expiresAt: expires.toISOString(), createdAt: now.toISOString() },
    previous?.hash,
    makeEvent(
      'calendar.feed-rotated',
      subject(owner),
      caller.user.id,
      { owner: owner.kind, id: owner.id, replaced: Boolean(previous) },
      now,
    ),
  );
  return { url: linkUrl(FEED_LINK.path, token), createdAt: now.toISOString(), replaced: Boolean(previous) };
}

/** Whether an owner has a feed, and since when (the URL itself cannot be shown again). */
export async function feedStatus(deps: Pick<CalendarDeps, 'platform'>, owner: FeedOwner) {
  const current = await deps.platform.getCurrentLink(keys.feed(owner));
  return current ? { exists: true as const, createdAt: current.createdAt } : { exists: false as const };
}

/** A council's calendar: its contracts' milestones, and the reports and tenders of the consortia it is in. */
async function councilEvents(deps: CalendarDeps, orgId: string): Promise<{ name: string; events: FeedEvent[] }> {
  const council = await loadCouncil(deps, orgId);
  const [contracts, consortia] = await Promise.all([deps.contracts.listCouncilContracts(orgId), deps.consortia.listConsortiaOf(orgId)]);
  const perConsortium = await Promise.all(
    consortia.map(async (id) => {
      const [reports, tenders] = await Promise.all([
        Promise.all(reportStatuses.map((s) => deps.reports.listReportsByStatus(id, s))).then((r) => r.flat()),
        deps.tenders.listTenders(id),
      ]);
      return {
        reports,
        tenders: tenders.filter((t) => t.status !== 'draft' && (t.buyerOrgId === orgId || t.funders.some((f) => f.orgId === orgId))),
      };
    }),
  );
  const reports = perConsortium.flatMap((p) => p.reports);
  const names = await deps.consortia.getOrganisations([...new Set(reports.map((r) => r.recipientOrgId))]);
  return {
    name: `${council.name} (grantloop)`,
    events: [
      ...contracts.flatMap(milestoneEvents),
      ...reportEvents(reports, (id) => names.get(id)?.name ?? 'a funded organisation'),
      ...perConsortium.flatMap((p) => p.tenders.flatMap(tenderEvents)),
    ],
  };
}

/** The .ics behind a live feed link. */
export async function feedCalendar(deps: CalendarDeps, scope: FeedScope): Promise<string | undefined> {
  if (scope.owner === 'council') {
    const { name, events } = await councilEvents(deps, scope.id);
    return renderCalendar(name, events, deps.clock.now());
  }
  const contract = await deps.contracts.getContract(scope.id);
  if (!contract) return undefined;
  return renderCalendar(`${contract.title} (grantloop)`, milestoneEvents(contract), deps.clock.now());
}

/** A feed is not a form: its kind is registered so the registry resolves and refuses its tokens like any other. */
const feedKind: LinkKind<FeedScope, CalendarDeps, CalendarDeps, { form: 'none' }> = {
  kind: 'calendar-feed',
  path: FEED_LINK.path,
  policy: 'reusable',
  scopeId: (scope) => scope.id,
  contact: async () => undefined,
  view: async () => ({ kind: 'done', title: 'A calendar feed', message: 'Add this address to your calendar as a subscription.' }),
};

export const feedLinks = new LinkRegistry<CalendarDeps, CalendarDeps, { form: 'none' }>().register(feedKind);
