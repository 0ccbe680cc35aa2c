import { grantContext } from '../grants/context';
import { awaitingSubmission, type Report } from '../grants/report-schedule';
import type { FieldIssue } from '../platform/errors';
import { type LinkKind, type LinkPage, linkRefused, type OpenedLink, unknownLink } from '../platform/links/registry';
import { resumeReport, SUBMISSION_WAIT } from './cycle';
import { makeEvent, subject } from './events';
import { REPORT_LINK } from './mail';
import type { ReportingDeps } from './store';
import { checkAnswers, type ReportTemplate, reportTemplates } from './templates';

export type ReportScope = { kind: 'report'; reportId: string; grantId: string };

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

async function reportForm(deps: DV, reportId: string, override: Partial<ReportForm> = {}, status = 200): Promise<Page> {
  const found = await deps.reports.getReport(reportId);
  if (!found) return unknownLink;
  const { report, draft, reviews } = found;
  if (!awaitingSubmission.includes(report.status)) {
    return {
      kind: 'problem',
      status: 409,
      title: 'This report has already been sent',
      message: 'Thank you: we have it. There is nothing more to do with this link.',
    };
  }
  const ctx = await grantContext(deps, report.grantId);
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
    values: { measures: draft?.measures ?? {}, questions: draft?.questions ?? {} },
    errors: [],
    ...(draft ? { notice: `Draft saved ${draft.savedAt.slice(0, 16).replace('T', ' ')} UTC` } : {}),
    ...(report.status === 'changes-requested' && lastReview?.comments ? { comments: lastReview.comments } : {}),
    ...override,
  };
  return { kind: 'form', status, model };
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
 * in one transaction, consumes the link and records the submission.
 */
async function postReport(deps: DP, opened: OpenedLink<ReportScope>, form: Record<string, string>): Promise<Page | typeof linkRefused> {
  const { hash, scope } = opened;
  const reportId = scope.reportId;
  const values = answersOf(form);
  const found = await deps.reports.getReport(reportId);
  if (!found || !awaitingSubmission.includes(found.report.status)) return reportForm(deps, reportId);
  const now = deps.clock.now();
  if (form.action === 'save') {
    await deps.reports.saveDraft(reportId, { ...values, savedAt: now.toISOString() });
    return reportForm(deps, reportId, { values, notice: 'Draft saved. You can come back to this link to finish it.' });
  }
  const checked = checkAnswers(reportTemplates[found.report.templateId], values);
  if (checked.issues.length > 0) return reportForm(deps, reportId, { values, errors: checked.issues }, 422);
  const n = found.report.submissions + 1;
  const ok = await deps.reports.submitViaLink(
    hash,
    found.report,
    { n, measures: checked.measures, questions: checked.questions, submittedAt: now.toISOString(), via: 'link' },
    now.toISOString(),
    makeEvent(
      'report.submitted',
      subject(reportId),
      `link:${hash.slice(0, 12)}`,
      { reportId, grantId: found.report.grantId, submission: n },
      now,
    ),
  );
  if (!ok) return linkRefused;
  await resumeReport(deps, reportId, SUBMISSION_WAIT, { submitted: n });
  return {
    kind: 'done',
    title: 'Thank you: your report has been sent',
    message: `${found.report.label} is with the funders now. You will get an email when they have looked at it.`,
  };
}

/** A report period's answers, sent once through its emailed link (a draft may be saved first). */
export const reportLink: LinkKind<ReportScope, DV, DP, ReportForm> = {
  ...REPORT_LINK,
  policy: 'single-use',
  scopeId: (scope) => scope.reportId,
  async contact(deps, scope) {
    const { lead } = await grantContext(deps, scope.grantId);
    return { name: lead.name, email: lead.contactEmail };
  },
  view: (deps, opened) => reportForm(deps, opened.scope.reportId),
  post: postReport,
};
