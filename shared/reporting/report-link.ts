import { grantContext, leadContact } from '../grants/context';
import { waitingTaskRecord } from '../platform/codecs';
import type { FieldIssue } from '../platform/errors';
import { dayInWords, timeInWords } from '../platform/format';
import { platformKeys } from '../platform/keys';
import { type LinkKind, type LinkPage, linkRefused, type OpenedLink, unknownLink } from '../platform/links/registry';
import type { WaitingTask } from '../platform/ports';
import { resumeTaken } from '../platform/waiting';
import { reportRecord } from './codecs';
import { resumeReport, SUBMISSION_WAIT } from './cycle';
import { makeEvent, subject } from './events';
import { keys } from './keys';
import { REPORT_LINK, type ReportScope } from './mail';
import { awaitingSubmission, type Report } from './report';

import type { ReportingDeps } from './store';
import { answersAsTyped, checkAnswers, type ReportTemplate, reportTemplates } from './templates';

/** The report form behind a report's link, as a view model. */
export interface ReportForm {
  form: 'report';
  grantTitle: string;
  recipientName: string;
  funderName: string;
  report: Pick<Report, 'id' | 'label' | 'dueDate' | 'periodStart' | 'periodEnd' | 'status'>;
  template: ReportTemplate;
  values: { measures: Record<string, string>; questions: Record<string, string> };
  errors: FieldIssue[];
  notice?: string;
  comments?: string;
}

type DV = Pick<ReportingDeps, 'platform' | 'consortia' | 'pools' | 'reports' | 'clock'>;
type DP = DV & Pick<ReportingDeps, 'workflows'>;
type Page = LinkPage<ReportForm>;

async function reportForm(deps: DV, scope: ReportScope, override: Partial<ReportForm> = {}, status = 200): Promise<Page> {
  const found = await deps.reports.getReport(scope.reportId);
  if (!found) return unknownLink;
  const { report, reviews } = found;
  if (!awaitingSubmission.includes(report.status)) {
    return {
      kind: 'problem',
      status: 409,
      title: 'This report has already been sent',
      message: 'Thank you: we have it. There is nothing more to do with this link.',
    };
  }
  const ctx = await grantContext(deps, report.grantId);
  if (isReplaced(report, scope)) return replacedLink(report, ctx.lead);
  const lastReview = reviews.sort((a, b) => a.n - b.n).at(-1);
  const model: ReportForm = {
    form: 'report',
    grantTitle: ctx.grant.title,
    recipientName: ctx.recipient.name,
    funderName: ctx.consortium.name,
    report: {
      id: report.id,
      label: report.label,
      dueDate: report.dueDate,
      periodStart: report.periodStart,
      periodEnd: report.periodEnd,
      status: report.status,
    },
    template: reportTemplates[report.templateId],
    errors: [],
    ...startingValues(found),
    // Still asked for once the report has gone very late again: the comments say what to change.
    ...(lastReview?.decision === 'request-changes' && lastReview.comments ? { comments: lastReview.comments } : {}),
    ...override,
  };
  return { kind: 'form', status, model };
}

/** A link issued before staff sent a new one (report-new-link.ts): its generation is behind the report's. */
const isReplaced = (report: Report, scope: ReportScope) => (scope.generation ?? '0') !== String(report.linkGeneration ?? 0);

function replacedLink(report: Report, lead: { name: string; contactEmail: string }): Page {
  return {
    kind: 'problem',
    status: 410,
    title: 'This link has been replaced',
    message: `A new link was emailed${report.linksReplacedAt ? ` on ${dayInWords(report.linksReplacedAt)}` : ''}, and this one no longer works. Please use the link in the newer email, or ask ${lead.name} for a new one. Any draft you saved is kept.`,
    contact: { name: lead.name, email: lead.contactEmail },
  };
}

type Found = NonNullable<Awaited<ReturnType<ReportingDeps['reports']['getReport']>>>;

/**
 * What the form starts with: the last submission's answers (a provider asked for changes edits
 * what they sent, not an empty form), overlaid by a draft saved since, field by field. A draft
 * older than the last submission cannot normally exist (submitting deletes it); it is ignored
 * rather than trusted, so the form never goes back behind what the funder has seen.
 */
function startingValues({ report, submissions, draft }: Found): Pick<ReportForm, 'values' | 'notice'> {
  const last = submissions.sort((a, b) => a.n - b.n).at(-1);
  const sent = last ? answersAsTyped(reportTemplates[report.templateId], last) : { measures: {}, questions: {} };
  const current = draft && (!last || draft.savedAt >= last.submittedAt) ? draft : undefined;
  const values = { measures: { ...sent.measures, ...current?.measures }, questions: { ...sent.questions, ...current?.questions } };
  if (current) return { values, notice: `Draft saved at ${timeInWords(current.savedAt)}` };
  if (last) return { values, notice: 'Your last report is filled in below. Change what was asked for, then send it again.' };
  return { values };
}

/** `measures.<id>` and `questions.<id>` fields, as the form posts them. */
function answersOf(form: Record<string, string>) {
  const prefixed = (prefix: string) =>
    Object.fromEntries(
      Object.entries(form)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
  return { measures: prefixed('measures.'), questions: prefixed('questions.') };
}

/**
 * `action=save` keeps a draft (the link stays usable); `action=submit` checks the answers and,
 * in one transaction, consumes the link, records the submission and takes the workflow's parked
 * token, which it then resumes: two round trips to the table in all, the report and the token
 * having been read with the link (`prefetch`).
 */
async function postReport(deps: DP, opened: OpenedLink<ReportScope>, form: Record<string, string>): Promise<Page | typeof linkRefused> {
  const { hash, scope } = opened;
  const reportId = scope.reportId;
  const values = answersOf(form);
  const [header, parked] = opened.prefetched ?? [];
  const report = reportRecord.fromOptional(header) ?? (await deps.reports.getReport(reportId))?.report;
  // Not taking submissions, or replaced since the page was shown: refused before anything is written.
  if (!report || !awaitingSubmission.includes(report.status) || isReplaced(report, scope)) return reportForm(deps, scope);
  const now = deps.clock.now();
  if (form.action === 'save') {
    await deps.reports.saveDraft(reportId, { ...values, savedAt: now.toISOString() });
    return reportForm(deps, scope, { values, notice: 'Draft saved. You can come back to this link to finish it.' });
  }
  const checked = checkAnswers(reportTemplates[report.templateId], values);
  if (checked.issues.length > 0) return reportForm(deps, scope, { values, errors: checked.issues }, 422);
  const n = report.submissions + 1;
  const submission = { n, measures: checked.measures, questions: checked.questions, submittedAt: now.toISOString(), via: 'link' as const };
  const event = makeEvent(
    'report.submitted',
    subject(reportId),
    `link:${hash.slice(0, 12)}`,
    { reportId, grantId: report.grantId, submission: n },
    now,
  );
  const submit = (waiting?: WaitingTask) => deps.reports.submitViaLink(hash, report, submission, now.toISOString(), event, waiting);
  const waiting = waitingTaskRecord.fromOptional(parked);
  if (waiting && (await submit(waiting))) {
    await resumeTaken(deps, waiting, { submitted: n });
  } else {
    // Nothing was parked when read, or the workflow parked a new token since: record the
    // submission alone, then resume whatever waits now (the workflow also checks after parking).
    if (!(await submit())) return linkRefused;
    await resumeReport(deps, reportId, SUBMISSION_WAIT, { submitted: n });
  }
  return {
    kind: 'done',
    title: 'Thank you: your report has been sent',
    message: `${report.label} is with the funders now. You will get an email when they have looked at it.`,
  };
}

/** A report period's answers, sent once through its emailed link (a draft may be saved first). */
export const reportLink: LinkKind<ReportScope, DV, DP, ReportForm> = {
  ...REPORT_LINK,
  policy: 'single-use',
  scopeId: (scope) => scope.reportId,
  contact: leadContact,
  view: (deps, opened) => reportForm(deps, opened.scope),
  prefetch: (reportId) => [keys.report(reportId), platformKeys.waitingTask(subject(reportId), SUBMISSION_WAIT)],
  post: postReport,
};
