import { policyOf } from '../grants/codecs';
import { grantContext } from '../grants/context';
import { nudgeGrant } from '../grants/tranches';
import { notFound } from '../platform/errors';
import { issueLink } from '../platform/links/registry';
import { addDays, londonDate, londonTime } from '../platform/london-time';
import { staffPageUrl, staffPaths } from '../platform/pages';
import { sendOnce } from '../platform/send-once';
import { park, resume } from '../platform/waiting';
import { makeEvent, subject } from './events';
import {
  acceptedEmail,
  changesRequestedEmail,
  linkExpiry,
  REPORT_LINK,
  reportRequestEmail,
  reportScope,
  reviewRequestEmail,
  veryLateEmail,
} from './mail';
import type { Report, ReportStatus } from './report';
import type { ReportingDeps } from './store';
import { dueMoment, veryLateMoment } from './timing';

/** The reporting-cycle workflow's steps (reporting-cycle.asl.json), one execution per report period. */
const REPORTING_WORKFLOW = 'reporting-cycle';
/** Opens each period's cycle (scheduled by scheduleReportPeriods). */
export const OPEN_PERIOD_FUNCTION = 'openReportPeriod';

/** Reading and moving a report, and telling people about it. */
export type CycleDeps = Pick<ReportingDeps, 'reports' | 'consortia' | 'pools' | 'platform' | 'clock' | 'mailer'>;

export const SUBMISSION_WAIT = 'report-submission';
export const REVIEW_WAIT = 'report-review';
/** After changes are requested, the provider has this long before the report counts as very late again. */
const RESUBMIT_DAYS = 14;
const REVIEW_WINDOW_DAYS = 60;
/** A very late report is given up on (marked not submitted) this long after it became very late. */
const GIVE_UP_DAYS = 60;

export async function loadReport(deps: Pick<ReportingDeps, 'reports'>, reportId: string) {
  const found = await deps.reports.getReport(reportId);
  if (!found) throw notFound('report', reportId);
  return found;
}

const seconds = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

// ---- scheduling the periods (grant.plan-set) ----

/**
 * Each report period opens (its request goes out) at 09:00 London time when the period ends,
 * or four weeks before the due date if that is earlier (one-off and milestone reports), so the
 * provider always has time and every configured reminder falls after the request.
 */
export async function scheduleReportPeriods(deps: Pick<ReportingDeps, 'grants' | 'scheduler' | 'clock'>, input: { grantId: string }) {
  const reports = await deps.grants.listGrantReports(input.grantId);
  let created = 0;
  for (const r of reports.filter((x) => x.status === 'scheduled')) {
    const opens = londonTime(r.periodEnd < addDays(r.dueDate, -28) ? r.periodEnd : addDays(r.dueDate, -28), '09:00');
    const at = opens < deps.clock.now() ? new Date(deps.clock.now().getTime() + 60_000) : opens;
    const out = await deps.scheduler.scheduleOnce({
      name: `report-${r.id}-open`,
      at,
      target: OPEN_PERIOD_FUNCTION,
      input: { kind: 'report-open', reportId: r.id },
    });
    if (out.created) created++;
  }
  return { reports: reports.length, schedulesCreated: created };
}

export async function startReportCycle(deps: Pick<ReportingDeps, 'workflows'>, reportId: string) {
  return deps.workflows.start(REPORTING_WORKFLOW, `report-${reportId}`, { reportId });
}

// ---- reporting-cycle workflow steps (reporting-cycle.asl.json) ----

/** Opens the period: status requested, a link emailed to the provider. Returns the timers the workflow waits on. */
export async function openReport(deps: CycleDeps, input: { reportId: string }) {
  const { report } = await loadReport(deps, input.reportId);
  const ctx = await grantContext(deps, report.grantId);
  const now = deps.clock.now();
  if (report.status === 'scheduled') {
    await deps.reports.setReportStatus(
      report,
      ['scheduled'],
      'requested',
      makeEvent(
        'report.opened',
        subject(report.id),
        'workflow',
        { reportId: report.id, grantId: report.grantId, dueDate: report.dueDate },
        now,
      ),
    );
  }
  await sendOnce(deps, `report-request#${report.id}`, async () =>
    reportRequestEmail(ctx, report, await issueLink(deps, REPORT_LINK, reportScope(report), linkExpiry(report))),
  );
  return timers(report, deps.clock.now(), policyOf(ctx.consortium));
}

function timers(report: Report, now: Date, policy: ReturnType<typeof policyOf>) {
  const due = dueMoment(report.dueDate);
  const veryLate = veryLateMoment(report.dueDate, policy);
  return {
    secondsUntilDue: seconds(due, now),
    secondsUntilVeryLate: seconds(veryLate, now),
    dueAt: due.toISOString(),
    veryLateAt: veryLate.toISOString(),
  };
}

/** Stores the token for the provider's submission; if it already arrived (between states), resumes at once. */
export async function awaitSubmission(
  deps: Pick<ReportingDeps, 'reports' | 'platform' | 'workflows' | 'clock'>,
  input: { reportId: string; taskToken: string; executionName: string },
) {
  const { report } = await loadReport(deps, input.reportId);
  await park(deps, subject(report.id), SUBMISSION_WAIT, input, linkExpiry(report));
  if (report.status === 'submitted') await resumeReport(deps, report.id, SUBMISSION_WAIT, { submitted: report.submissions });
  return { waiting: true };
}

export const resumeReport = (deps: Pick<ReportingDeps, 'platform' | 'workflows'>, reportId: string, purpose: string, output: unknown) =>
  resume(deps, subject(reportId), purpose, output);

/** Overdue, very late (the funder is told once), or given up on: explicit states, each an event. */
export async function markReport(deps: CycleDeps, input: { reportId: string; status: 'overdue' | 'very-late' | 'not-submitted' }) {
  const { report } = await loadReport(deps, input.reportId);
  const from: ReportStatus[] =
    input.status === 'overdue'
      ? ['requested']
      : input.status === 'very-late'
        ? ['requested', 'overdue', 'changes-requested']
        : ['very-late', 'overdue', 'requested', 'changes-requested'];
  const now = deps.clock.now();
  const moved = await deps.reports.setReportStatus(
    report,
    from,
    input.status,
    makeEvent(`report.${input.status}`, subject(report.id), 'workflow', { reportId: report.id, grantId: report.grantId }, now),
  );
  const ctx = await grantContext(deps, report.grantId);
  const escalated =
    input.status === 'very-late' &&
    moved &&
    (await sendOnce(deps, `very-late#${report.id}`, async () => veryLateEmail(ctx, report, staffPageUrl(staffPaths.report(report.id)))));
  const next = input.status === 'overdue' ? seconds(veryLateMoment(report.dueDate, policyOf(ctx.consortium)), now) : GIVE_UP_DAYS * 86400;
  return { status: moved ? input.status : report.status, escalated, secondsUntilNext: next };
}

/**
 * Waits for the funder's review; the funder is asked once per submission. A review that came in
 * before the workflow got here (between the submission and this step) resumes it at once.
 */
export async function awaitReview(
  deps: CycleDeps & Pick<ReportingDeps, 'workflows'>,
  input: { reportId: string; taskToken: string; executionName: string },
) {
  const { report, reviews } = await loadReport(deps, input.reportId);
  await park(deps, subject(report.id), REVIEW_WAIT, input, REVIEW_WINDOW_DAYS);
  const early = reviews.find((r) => r.n === report.submissions);
  if (early) {
    await resumeReport(deps, report.id, REVIEW_WAIT, { decision: early.decision, comments: early.comments ?? '' });
    return { waiting: false };
  }
  const ctx = await grantContext(deps, report.grantId);
  await sendOnce(deps, `review-request#${report.id}#${report.submissions}`, async () =>
    reviewRequestEmail(ctx, report, staffPageUrl(staffPaths.report(report.id))),
  );
  return { waiting: true };
}

export async function requestChanges(deps: CycleDeps, input: { reportId: string }) {
  const { report, reviews } = await loadReport(deps, input.reportId);
  const now = deps.clock.now();
  await deps.reports.setReportStatus(
    report,
    ['submitted'],
    'changes-requested',
    makeEvent('report.changes-requested', subject(report.id), 'workflow', { reportId: report.id }, now),
  );
  const ctx = await grantContext(deps, report.grantId);
  const comments = reviews.sort((a, b) => a.n - b.n).at(-1)?.comments ?? '';
  await sendOnce(deps, `changes#${report.id}#${report.reviews}`, async () =>
    changesRequestedEmail(ctx, report, await issueLink(deps, REPORT_LINK, reportScope(report), linkExpiry(report)), comments),
  );
  return { secondsToResubmit: RESUBMIT_DAYS * 86400 };
}

/**
 * Accepted: the provider is thanked, and a tranche waiting on this report may be released. The
 * grant workflow is woken only if an unpaid tranche tied to this report is already due: any
 * other wake costs three state transitions and pays nothing (its timer wakes it at the next
 * tranche's date, and its check after parking catches an acceptance that came first).
 */
export async function acceptReport(deps: CycleDeps & Pick<ReportingDeps, 'workflows' | 'grants'>, input: { reportId: string }) {
  const { report } = await loadReport(deps, input.reportId);
  const now = deps.clock.now();
  await deps.reports.setReportStatus(
    report,
    ['submitted'],
    'accepted',
    makeEvent('report.accepted', subject(report.id), 'workflow', { reportId: report.id, grantId: report.grantId }, now),
  );
  const ctx = await grantContext(deps, report.grantId);
  await sendOnce(deps, `accepted#${report.id}`, async () => acceptedEmail(ctx, report));
  const { tranches } = await deps.grants.getPlan(report.grantId);
  const today = londonDate(now);
  if (tranches.some((t) => t.status === 'scheduled' && t.reportId === report.id && t.dueDate <= today))
    await nudgeGrant(deps, report.grantId);
  return { status: 'accepted' };
}
