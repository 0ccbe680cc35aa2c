import { loadConsortium, mayAct, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { loadReport } from './cycle';
import { linkExpiry } from './mail';
import { awaitingSubmission, type ReportStatus } from './report';
import type { ReportingDeps } from './store';
import { reportTemplates } from './templates';

type D = Pick<ReportingDeps, 'reports' | 'consortia'>;

/** A report with its answers and reviews, named for people, and whether this caller may review it now. */
export async function reportDetail(deps: D & Pick<ReportingDeps, 'pools' | 'clock'>, caller: Caller, reportId: string) {
  const found = await loadReport(deps, reportId);
  const consortium = await loadConsortium(deps, found.report.consortiumId);
  requireReader(caller, consortium, 'report', reportId);
  const { draft: _draft, ...rest } = found;
  const [grant, orgs] = await Promise.all([
    deps.pools.getGrant(found.report.grantId),
    deps.consortia.getOrganisations([found.report.recipientOrgId]),
  ]);
  const { report } = found;
  return {
    ...rest,
    template: reportTemplates[report.templateId as 'light' | 'full'],
    consortium: { id: consortium.id, name: consortium.name },
    grant: { id: report.grantId, title: grant?.grant.title ?? report.grantId },
    provider: { id: report.recipientOrgId, name: orgs.get(report.recipientOrgId)?.name ?? report.recipientOrgId },
    canReview: report.status === 'submitted' && report.reviews < report.submissions && mayAct(caller, consortium, ['lead'], 'officer'),
    // While the provider can still send it (sendNewReportLink's own rule): until when a new link would work.
    newLinkUntil:
      awaitingSubmission.includes(report.status) &&
      deps.clock.now().toISOString() < linkExpiry(report) &&
      mayAct(caller, consortium, ['lead'], 'officer')
        ? linkExpiry(report)
        : undefined,
  };
}

export async function reportsByStatus(deps: D, caller: Caller, consortiumId: string, status: ReportStatus) {
  requireReader(caller, await loadConsortium(deps, consortiumId), 'consortium', consortiumId);
  const reports = await deps.reports.listReportsByStatus(consortiumId, status);
  return { consortiumId, status, count: reports.length, reports: reports.sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1)) };
}
