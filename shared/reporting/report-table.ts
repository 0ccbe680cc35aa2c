import { loadConsortium, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { type Report, type ReportStatus, reportStatuses } from './report';
import type { ReportingDeps } from './store';

type D = Pick<ReportingDeps, 'reports' | 'consortia' | 'pools'>;

export interface ReportFilters {
  status?: ReportStatus | undefined;
  /** Due on or after / on or before (YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
  grantId?: string | undefined;
  providerId?: string | undefined;
  sort?: ReportSort | undefined;
  order?: 'asc' | 'desc' | undefined;
}

export const reportSorts = ['due', 'grant', 'provider', 'status'] as const;
export type ReportSort = (typeof reportSorts)[number];

type ReportRow = Report & { grantTitle: string; providerName: string };

const sortKey: Record<ReportSort, (r: ReportRow) => string> = {
  due: (r) => `${r.dueDate}#${r.grantTitle}`,
  grant: (r) => `${r.grantTitle}#${r.dueDate}`,
  provider: (r) => `${r.providerName}#${r.dueDate}`,
  status: (r) => `${r.status}#${r.dueDate}`,
};

/**
 * Every report of a consortium, due and submitted, in one table: one index query per status
 * (the same index the overdue list uses), names joined from the pools' grants.
 */
export async function consortiumReports(deps: D, caller: Caller, consortiumId: string, filters: ReportFilters = {}) {
  const consortium = await loadConsortium(deps, consortiumId);
  requireReader(caller, consortium, 'consortium', consortiumId);
  const [byStatus, pools] = await Promise.all([
    Promise.all(reportStatuses.map((s) => deps.reports.listReportsByStatus(consortiumId, s))),
    deps.pools.listPools(consortiumId),
  ]);
  const grants = (await Promise.all(pools.map((p) => deps.pools.listPoolGrants(p.id)))).flat();
  const titles = new Map(grants.map((g) => [g.id, g.title]));
  const all = byStatus.flat();
  const orgs = await deps.consortia.getOrganisations([...new Set(all.map((r) => r.recipientOrgId))]);
  const rows: ReportRow[] = all.map((r) => ({
    ...r,
    grantTitle: titles.get(r.grantId) ?? r.grantId,
    providerName: orgs.get(r.recipientOrgId)?.name ?? r.recipientOrgId,
  }));
  const shown = rows.filter(
    (r) =>
      (!filters.status || r.status === filters.status) &&
      (!filters.from || r.dueDate >= filters.from) &&
      (!filters.to || r.dueDate <= filters.to) &&
      (!filters.grantId || r.grantId === filters.grantId) &&
      (!filters.providerId || r.recipientOrgId === filters.providerId),
  );
  const key = sortKey[filters.sort ?? 'due'];
  shown.sort((a, b) => key(a).localeCompare(key(b)) * (filters.order === 'desc' ? -1 : 1));
  return {
    consortium: { id: consortium.id, name: consortium.name },
    rows: shown,
    total: rows.length,
    grants: [...new Map(rows.map((r) => [r.grantId, r.grantTitle]))].map(([id, name]) => ({ id, name })),
    providers: [...new Map(rows.map((r) => [r.recipientOrgId, r.providerName]))].map(([id, name]) => ({ id, name })),
  };
}
