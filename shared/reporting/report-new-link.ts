import { actingOrg, loadConsortium } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { conflict } from '../platform/errors';
import { timeInWords } from '../platform/format';
import { loadReport } from './cycle';
import { makeEvent, subject } from './events';
import { linkExpiry } from './mail';
import { awaitingSubmission, type Report } from './report';
import type { ReportingDeps } from './store';

type D = Pick<ReportingDeps, 'reports' | 'consortia' | 'clock'>;

/**
 * Staff send a new link for a report still waiting for the provider (its link lost, or asked
 * for again). Links are stored by hash only, so the old ones cannot be found to revoke one by
 * one: the report's link generation goes up, and the report form answers "replaced" (410) to a
 * link of an earlier generation. The follower of `report.link-replaced` (report-link-sent.ts)
 * issues the new link and emails it, so the pages carry no mail client.
 *
 * The new link works as long as the report can still be sent: the reporting cycle waits for a
 * submission until `linkExpiry` (60 days after the due date) and then records it as not
 * submitted, so a link living longer would open on a closed report.
 */
export async function sendNewReportLink(deps: D, caller: Caller, reportId: string) {
  const { report } = await loadReport(deps, reportId);
  // The lead's officers, as for reviewing the report.
  actingOrg(caller, await loadConsortium(deps, report.consortiumId), ['lead'], 'officer', { what: 'report', id: reportId });
  const now = deps.clock.now();
  refuseWhenClosed(report, now);
  const linkGeneration = (report.linkGeneration ?? 0) + 1;
  const validUntil = linkExpiry(report);
  const data = { reportId, grantId: report.grantId, linkGeneration };
  const event = makeEvent('report.link-replaced', subject(reportId), caller.user.id, data, now);
  if (!(await deps.reports.replaceLinks(report, linkGeneration, now.toISOString(), event)))
    throw conflict('the report changed while the link was being sent: look at it again', { rule: 'report-changed' });
  const orgs = await deps.consortia.getOrganisations([report.recipientOrgId]);
  const recipient = orgs.get(report.recipientOrgId);
  return { reportId, sentTo: { name: recipient?.name ?? '', email: recipient?.contactEmail ?? '' }, validUntil };
}

function refuseWhenClosed(report: Report, now: Date) {
  if (!awaitingSubmission.includes(report.status))
    throw conflict(`this report is ${report.status.replaceAll('-', ' ')}: there is nothing to send a link for`, {
      rule: 'report-not-awaited',
    });
  if (now.toISOString() >= linkExpiry(report))
    throw conflict(`the time to send this report ended at ${timeInWords(linkExpiry(report))}`, {
      rule: 'report-window-closed',
    });
}
