import { policyOf } from '../grants/codecs';
import { grantContext } from '../grants/context';
import { issueLink } from '../platform/links/registry';
import { sendOnce } from '../platform/send-once';
import { type CycleDeps, loadReport } from './cycle';
import { makeEvent, subject } from './events';
import { linkExpiry, REPORT_LINK, reminderEmail, reportScope } from './mail';
import { awaitingSubmission } from './report';
import type { ReportingDeps } from './store';
import { reminderTimes } from './timing';

export const REMINDER_FUNCTION = 'sendReportReminder';

/** report.opened → one schedule per reminder offset → sendReportReminder. */
export async function scheduleReminders(
  deps: Pick<ReportingDeps, 'reports' | 'consortia' | 'pools' | 'scheduler' | 'clock'>,
  input: { reportId: string },
) {
  const { report } = await loadReport(deps, input.reportId);
  const ctx = await grantContext(deps, report.grantId);
  let created = 0;
  for (const r of reminderTimes(report.dueDate, policyOf(ctx.consortium))) {
    if (r.at <= deps.clock.now()) continue;
    const out = await deps.scheduler.scheduleOnce({
      name: `report-${report.id}-reminder-${r.offsetDays < 0 ? `m${-r.offsetDays}` : `p${r.offsetDays}`}`,
      at: r.at,
      target: REMINDER_FUNCTION,
      input: { kind: 'report-reminder', reportId: report.id, offsetDays: r.offsetDays },
    });
    if (out.created) created++;
  }
  return { schedulesCreated: created };
}

/** A reminder that fires after the report arrived sends nothing; the same one fired twice sends one email. */
export async function sendReminder(deps: CycleDeps, input: { reportId: string; offsetDays: number }) {
  const { report } = await loadReport(deps, input.reportId);
  if (!awaitingSubmission.includes(report.status)) return { sent: false, reason: `report is ${report.status}` };
  const ctx = await grantContext(deps, report.grantId);
  const sent = await sendOnce(deps, `reminder#${report.id}#${input.offsetDays}`, async () =>
    reminderEmail(ctx, report, await issueLink(deps, REPORT_LINK, reportScope(report), linkExpiry(report)), input.offsetDays),
  );
  if (sent) {
    await deps.reports.countReminder(report.id);
    const now = deps.clock.now();
    await deps.platform.appendEvent(
      makeEvent('report.reminder-sent', subject(report.id), 'scheduler', { reportId: report.id, offsetDays: input.offsetDays }, now),
    );
  }
  return { sent, reason: sent ? 'reminded' : 'already sent' };
}
