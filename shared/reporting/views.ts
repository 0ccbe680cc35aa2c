import { loadConsortium, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import type { ReportStatus } from '../grants/report-schedule';
import { loadReport } from './cycle';
import type { ReportingDeps } from './store';
import { reportTemplates } from './templates';

type D = Pick<ReportingDeps, 'reports' | 'consortia'>;

export async function reportDetail(deps: D, caller: Caller, reportId: string) {
  const found = await loadReport(deps, reportId);
  requireReader(caller, await loadConsortium(deps, found.report.consortiumId), 'report', reportId);
  const { draft: _draft, ...rest } = found;
  return { ...rest, template: reportTemplates[found.report.templateId as 'light' | 'full'] };
}

export async function reportsByStatus(deps: D, caller: Caller, consortiumId: string, status: ReportStatus) {
  requireReader(caller, await loadConsortium(deps, consortiumId), 'consortium', consortiumId);
  const reports = await deps.reports.listReportsByStatus(consortiumId, status);
  return { consortiumId, status, count: reports.length, reports: reports.sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1)) };
}
