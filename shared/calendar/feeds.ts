import type { ConsortiaStore } from '../consortia/store';
import { loadCouncil } from '../contracts/contracts';
import type { ContractStore } from '../contracts/store';
import { type LinkKind, LinkRegistry } from '../platform/links/registry';
import type { PlatformStore } from '../platform/ports';
import { reportStatuses } from '../reporting/report';
import type { ReportStore } from '../reporting/store';
import type { TenderStore } from '../tenders/store';
import { type FeedEvent, type FeedLog, renderCalendar } from './feed';
import { FEED_LINK, type FeedScope } from './rotate';
import { milestoneEvents, reportEvents, tenderEvents } from './sources';

interface CalendarDeps {
  platform: PlatformStore;
  consortia: ConsortiaStore;
  contracts: Pick<ContractStore, 'getContract' | 'listCouncilContracts'>;
  reports: Pick<ReportStore, 'listReportsByStatus'>;
  tenders: Pick<TenderStore, 'listTenders'>;
  clock: { now(): Date };
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

/** The .ics behind a live feed link; an event that cannot be written is left out and reported to `log`. */
export async function feedCalendar(deps: CalendarDeps, scope: FeedScope, log: FeedLog): Promise<string | undefined> {
  if (scope.owner === 'council') {
    const { name, events } = await councilEvents(deps, scope.id);
    return renderCalendar(name, events, deps.clock.now(), log);
  }
  const contract = await deps.contracts.getContract(scope.id);
  if (!contract) return undefined;
  return renderCalendar(`${contract.title} (grantloop)`, milestoneEvents(contract), deps.clock.now(), log);
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
