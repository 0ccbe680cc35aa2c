import { grantContext } from '../grants/context';
import { issueLink } from '../platform/links/registry';
import { sendOnce } from '../platform/send-once';
import { linkExpiry, REPORT_LINK, reportLinkReplacedEmail, reportScope } from './mail';
import { awaitingSubmission } from './report';
import type { ReportingDeps } from './store';

/**
 * report.link-replaced → the provider gets the new link, once per generation however often the
 * event is delivered; nothing if the report was sent or replaced again meanwhile (the later
 * event sends the link that works).
 */
export async function sendReplacedReportLink(
  deps: Pick<ReportingDeps, 'reports' | 'consortia' | 'pools' | 'platform' | 'mailer' | 'clock'>,
  input: { reportId: string; linkGeneration: number },
) {
  const found = await deps.reports.getReport(input.reportId);
  const report = found?.report;
  if (!report || (report.linkGeneration ?? 0) !== input.linkGeneration || !awaitingSubmission.includes(report.status))
    return { sent: false };
  const email = async () => {
    const url = await issueLink(deps, REPORT_LINK, reportScope(report), linkExpiry(report));
    return reportLinkReplacedEmail(await grantContext(deps, report.grantId), report, url);
  };
  return { sent: await sendOnce(deps, `report-link#${report.id}#${input.linkGeneration}`, email) };
}
