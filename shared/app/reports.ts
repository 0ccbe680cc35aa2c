import { DomainError, notFound } from '../domain/errors';
import { addDays, londonTime } from '../domain/london-time';
import type { Organisation } from '../domain/organisation';
import { awaitingSubmission, type Report, type ReportStatus } from '../domain/report';
import { dueMoment, reminderTimes, reportTemplates, veryLateMoment } from '../domain/reporting';
import { keys } from '../store/keys';
import type { Caller } from './caller';
import { actingOrg, loadConsortium, requireReader } from './consortium-access';
import type { Deps } from './deps';
import { makeEvent } from './events';
import { loadGrant, nudgeGrant, policyOf } from './grants';
import {
  acceptedEmail,
  changesRequestedEmail,
  evidenceRequestEmail,
  issueLink,
  linkExpiry,
  type MailContext,
  reminderEmail,
  reportRequestEmail,
  reviewRequestEmail,
  veryLateEmail,
} from './report-mail';
import { sendOnce } from './send-once';
import { park, resume } from './waiting';

export type ReportDeps = Pick<Deps, 'store' | 'pools' | 'grants' | 'clock' | 'workflows' | 'mailer' | 'scheduler'>;

const subject = (reportId: string) => keys.report(reportId).pk;
const SUBMISSION = 'report-submission';
const REVIEW = 'report-review';
/** After changes are requested, the provider has this long before the report counts as very late again. */
const RESUBMIT_DAYS = 14;
const REVIEW_WINDOW_DAYS = 60;
/** A very late report is given up on (marked not submitted) this long after it became very late. */
const GIVE_UP_DAYS = 60;

export async function loadReport(deps: Pick<Deps, 'grants'>, reportId: string) {
  const found = await deps.grants.getReport(reportId);
  if (!found) throw notFound('report', reportId);
  return found;
}

export async function mailContext(deps: ReportDeps, grantId: string): Promise<MailContext> {
  const { grant } = await loadGrant(deps, grantId);
  const consortium = await loadConsortium(deps, grant.consortiumId);
  const orgs = await deps.store.getOrganisations([grant.recipientOrgId, consortium.leadOrgId]);
  return {
    consortium,
    grant,
    recipient: orgs.get(grant.recipientOrgId) as Organisation,
    lead: orgs.get(consortium.leadOrgId) as Organisation,
  };
}

const seconds = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

// ---- scheduling the periods (grant.plan-set) ----

/**
 * Each report period opens (its request goes out) at 09:00 London time when the period ends,
 * or four weeks before the due date if that is earlier (one-off and milestone reports), so the
 * provider always has time and every configured reminder falls after the request.
 */
export async function scheduleReportPeriods(deps: ReportDeps, input: { grantId: string; openFunctionArn: string }) {
  const reports = await deps.grants.listGrantReports(input.grantId);
  let created = 0;
  for (const r of reports.filter((x) => x.status === 'scheduled')) {
    const opens = londonTime(r.periodEnd < addDays(r.dueDate, -28) ? r.periodEnd : addDays(r.dueDate, -28), '09:00');
    const at = opens < deps.clock.now() ? new Date(deps.clock.now().getTime() + 60_000) : opens;
    const out = await deps.scheduler.scheduleOnce({
      name: `report-${r.id}-open`,
      at,
      targetArn: input.openFunctionArn,
      input: { kind: 'report-open', reportId: r.id },
    });
    if (out.created) created++;
  }
  return { reports: reports.length, schedulesCreated: created };
}

export async function startReportCycle(deps: Pick<Deps, 'workflows'>, workflowArn: string, reportId: string) {
  return deps.workflows.start(workflowArn, `report-${reportId}`, { reportId });
}

/** Condition evidence is asked for by link as soon as the plan is set. */
export async function requestConditionEvidence(deps: ReportDeps, input: { grantId: string }) {
  const ctx = await mailContext(deps, input.grantId);
  const { conditions } = await deps.grants.getPlan(input.grantId);
  let sent = 0;
  for (const c of conditions.filter((x) => x.status === 'pending' && x.kind !== 'ongoing')) {
    const validUntil = new Date(deps.clock.now().getTime() + 180 * 86400_000).toISOString();
    if (
      await sendOnce(deps, `evidence#${input.grantId}#${c.id}`, async () =>
        evidenceRequestEmail(
          ctx,
          c.description,
          await issueLink(deps, { kind: 'condition', conditionId: c.id, grantId: input.grantId }, validUntil),
        ),
      )
    )
      sent++;
  }
  return { emailsSent: sent };
}

// ---- reporting-cycle workflow steps (reporting-cycle.asl.json) ----

/** Opens the period: status requested, a link emailed to the provider. Returns the timers the workflow waits on. */
export async function openReport(deps: ReportDeps, input: { reportId: string }) {
  const { report } = await loadReport(deps, input.reportId);
  const ctx = await mailContext(deps, report.grantId);
  const now = deps.clock.now();
  if (report.status === 'scheduled') {
    await deps.grants.setReportStatus(
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
    reportRequestEmail(
      ctx,
      report,
      await issueLink(deps, { kind: 'report', reportId: report.id, grantId: report.grantId }, linkExpiry(report)),
    ),
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
export async function awaitSubmission(deps: ReportDeps, input: { reportId: string; taskToken: string; executionName: string }) {
  const { report } = await loadReport(deps, input.reportId);
  await park(deps, subject(report.id), SUBMISSION, input, linkExpiry(report));
  if (report.status === 'submitted') await resumeReport(deps, report.id, SUBMISSION, { submitted: report.submissions });
  return { waiting: true };
}

export const resumeReport = (deps: Pick<Deps, 'store' | 'workflows'>, reportId: string, purpose: string, output: unknown) =>
  resume(deps, subject(reportId), purpose, output);

/** Overdue, very late (the funder is told once), or given up on: explicit states, each an event. */
export async function markReport(deps: ReportDeps, input: { reportId: string; status: 'overdue' | 'very-late' | 'not-submitted' }) {
  const { report } = await loadReport(deps, input.reportId);
  const from: ReportStatus[] =
    input.status === 'overdue'
      ? ['requested']
      : input.status === 'very-late'
        ? ['requested', 'overdue', 'changes-requested']
        : ['very-late', 'overdue', 'requested', 'changes-requested'];
  const now = deps.clock.now();
  const moved = await deps.grants.setReportStatus(
    report,
    from,
    input.status,
    makeEvent(`report.${input.status}`, subject(report.id), 'workflow', { reportId: report.id, grantId: report.grantId }, now),
  );
  let escalated = false;
  if (input.status === 'very-late' && moved) {
    const ctx = await mailContext(deps, report.grantId);
    escalated = await sendOnce(deps, `very-late#${report.id}`, async () => veryLateEmail(ctx, report));
  }
  const ctx = await mailContext(deps, report.grantId);
  const next = input.status === 'overdue' ? seconds(veryLateMoment(report.dueDate, policyOf(ctx.consortium)), now) : GIVE_UP_DAYS * 86400;
  return { status: moved ? input.status : report.status, escalated, secondsUntilNext: next };
}

/** Waits for the funder's review; the funder is asked once per submission. */
export async function awaitReview(deps: ReportDeps, input: { reportId: string; taskToken: string; executionName: string }) {
  const { report } = await loadReport(deps, input.reportId);
  await park(deps, subject(report.id), REVIEW, input, REVIEW_WINDOW_DAYS);
  const ctx = await mailContext(deps, report.grantId);
  await sendOnce(deps, `review-request#${report.id}#${report.submissions}`, async () => reviewRequestEmail(ctx, report));
  return { waiting: true };
}

/** The funder accepts the report or asks for changes; this resumes the workflow once. */
export async function review(
  deps: ReportDeps,
  caller: Caller,
  reportId: string,
  input: { decision: 'accept' | 'request-changes'; comments?: string | undefined },
) {
  const { report } = await loadReport(deps, reportId);
  actingOrg(caller, await loadConsortium(deps, report.consortiumId), ['lead'], 'officer');
  if (input.decision === 'request-changes' && !input.comments?.trim()) {
    throw new DomainError('validation', 'comments: say what should change', [
      { field: 'comments', rule: 'required-for-changes', message: 'say what should change' },
    ]);
  }
  const now = deps.clock.now();
  const n = report.reviews + 1;
  await deps.grants.addReview(
    report,
    {
      n,
      decision: input.decision,
      ...(input.comments ? { comments: input.comments.trim() } : {}),
      by: caller.user.id,
      at: now.toISOString(),
    },
    makeEvent('report.reviewed', subject(reportId), caller.user.id, { reportId, decision: input.decision }, now),
  );
  await resumeReport(deps, reportId, REVIEW, { decision: input.decision, comments: input.comments ?? '' });
  return { reportId, decision: input.decision, review: n };
}

export async function requestChanges(deps: ReportDeps, input: { reportId: string }) {
  const { report, reviews } = await loadReport(deps, input.reportId);
  const now = deps.clock.now();
  await deps.grants.setReportStatus(
    report,
    ['submitted'],
    'changes-requested',
    makeEvent('report.changes-requested', subject(report.id), 'workflow', { reportId: report.id }, now),
  );
  const ctx = await mailContext(deps, report.grantId);
  const comments = reviews.sort((a, b) => a.n - b.n).at(-1)?.comments ?? '';
  await sendOnce(deps, `changes#${report.id}#${report.reviews}`, async () =>
    changesRequestedEmail(
      ctx,
      report,
      await issueLink(deps, { kind: 'report', reportId: report.id, grantId: report.grantId }, linkExpiry(report)),
      comments,
    ),
  );
  return { secondsToResubmit: RESUBMIT_DAYS * 86400 };
}

/** Accepted: the provider is thanked, and a tranche waiting on this report may be released. */
export async function acceptReport(deps: ReportDeps, input: { reportId: string }) {
  const { report } = await loadReport(deps, input.reportId);
  const now = deps.clock.now();
  await deps.grants.setReportStatus(
    report,
    ['submitted'],
    'accepted',
    makeEvent('report.accepted', subject(report.id), 'workflow', { reportId: report.id, grantId: report.grantId }, now),
  );
  const ctx = await mailContext(deps, report.grantId);
  await sendOnce(deps, `accepted#${report.id}`, async () => acceptedEmail(ctx, report));
  await nudgeGrant(deps, report.grantId);
  return { status: 'accepted' };
}

// ---- reminders (report.opened → schedules → sendReportReminder) ----

export async function scheduleReminders(deps: ReportDeps, input: { reportId: string; reminderFunctionArn: string }) {
  const { report } = await loadReport(deps, input.reportId);
  const ctx = await mailContext(deps, report.grantId);
  let created = 0;
  for (const r of reminderTimes(report.dueDate, policyOf(ctx.consortium))) {
    if (r.at <= deps.clock.now()) continue;
    const out = await deps.scheduler.scheduleOnce({
      name: `report-${report.id}-reminder-${r.offsetDays < 0 ? `m${-r.offsetDays}` : `p${r.offsetDays}`}`,
      at: r.at,
      targetArn: input.reminderFunctionArn,
      input: { kind: 'report-reminder', reportId: report.id, offsetDays: r.offsetDays },
    });
    if (out.created) created++;
  }
  return { schedulesCreated: created };
}

/** A reminder that fires after the report arrived sends nothing; the same one fired twice sends one email. */
export async function sendReminder(deps: ReportDeps, input: { reportId: string; offsetDays: number }) {
  const { report } = await loadReport(deps, input.reportId);
  if (!awaitingSubmission.includes(report.status)) return { sent: false, reason: `report is ${report.status}` };
  const ctx = await mailContext(deps, report.grantId);
  const sent = await sendOnce(deps, `reminder#${report.id}#${input.offsetDays}`, async () =>
    reminderEmail(
      ctx,
      report,
      await issueLink(deps, { kind: 'report', reportId: report.id, grantId: report.grantId }, linkExpiry(report)),
      input.offsetDays,
    ),
  );
  if (sent) {
    await deps.grants.countReminder(report.id);
    const now = deps.clock.now();
    await deps.store.appendEvent(
      makeEvent('report.reminder-sent', subject(report.id), 'scheduler', { reportId: report.id, offsetDays: input.offsetDays }, now),
    );
  }
  return { sent, reason: sent ? 'reminded' : 'already sent' };
}

// ---- funder views ----

export async function reportDetail(deps: ReportDeps, caller: Caller, reportId: string) {
  const found = await loadReport(deps, reportId);
  requireReader(caller, await loadConsortium(deps, found.report.consortiumId), 'report', reportId);
  const { draft: _draft, ...rest } = found;
  return { ...rest, template: reportTemplates[found.report.templateId as 'light' | 'full'] };
}

export async function reportsByStatus(deps: ReportDeps, caller: Caller, consortiumId: string, status: ReportStatus) {
  requireReader(caller, await loadConsortium(deps, consortiumId), 'consortium', consortiumId);
  const reports = await deps.grants.listReportsByStatus(consortiumId, status);
  return { consortiumId, status, count: reports.length, reports: reports.sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1)) };
}

export { SUBMISSION as SUBMISSION_WAIT };
