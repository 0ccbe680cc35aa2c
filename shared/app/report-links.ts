import type { FieldIssue } from '../domain/errors';
import type { Condition } from '../domain/grant-plan';
import { hashLinkToken, type LinkRecord, looksLikeToken } from '../domain/link-token';
import { awaitingSubmission, type Report } from '../domain/report';
import { checkAnswers, type ReportTemplate, reportTemplates } from '../domain/reporting';
import { keys } from '../store/keys';
import { makeEvent } from './events';
import { mailContext, type ReportDeps, resumeReport, SUBMISSION_WAIT } from './reports';

/** What the page at an emailed link shows. Rendering (HTML) is the handler's job. */
export type LinkPage =
  | { kind: 'problem'; status: number; title: string; message: string; contact?: { name: string; email: string } }
  | { kind: 'done'; title: string; message: string }
  | {
      kind: 'report-form';
      status: number;
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
  | {
      kind: 'evidence-form';
      status: number;
      grantTitle: string;
      recipientName: string;
      condition: Pick<Condition, 'id' | 'description'>;
      values: { text: string; url: string };
      errors: FieldIssue[];
    };

const unknown: LinkPage = {
  kind: 'problem',
  status: 404,
  title: 'This link is not recognised',
  message:
    'It may have been cut short or changed by your email program. Please copy the whole link from the email, or reply to the email you received and ask for a new link.',
};

async function resolve(deps: ReportDeps, token: string): Promise<{ link: LinkRecord; hash: string } | LinkPage> {
  if (!looksLikeToken(token)) return unknown;
  const hash = hashLinkToken(token);
  const link = await deps.grants.getLink(hash);
  if (!link) return unknown;
  const ctx = await mailContext(deps, link.scope.grantId);
  const contact = { name: ctx.lead.name, email: ctx.lead.contactEmail };
  if (link.status === 'used') {
    return {
      kind: 'problem',
      status: 410,
      title: 'This link has already been used',
      message: `What you sent through it has been received. If you need to change it, ask ${contact.name} for a new link.`,
      contact,
    };
  }
  if (link.status !== 'active' || link.expiresAt <= deps.clock.now().toISOString()) {
    return {
      kind: 'problem',
      status: 410,
      title: 'This link has expired',
      message: `Links stop working after a while to keep your information safe. Ask ${contact.name} for a new one.`,
      contact,
    };
  }
  return { link, hash };
}

const isPage = (x: unknown): x is LinkPage => typeof x === 'object' && x !== null && 'kind' in x;

/** GET: shows the form (with any saved draft). Never consumes the link: mail scanners open links too. */
export async function viewLink(deps: ReportDeps, token: string): Promise<LinkPage> {
  const resolved = await resolve(deps, token);
  if (isPage(resolved)) return resolved;
  return resolved.link.scope.kind === 'report'
    ? reportForm(deps, resolved.link.scope.reportId)
    : evidenceForm(deps, resolved.link.scope.grantId, resolved.link.scope.conditionId);
}

async function reportForm(
  deps: ReportDeps,
  reportId: string,
  override?: Partial<Extract<LinkPage, { kind: 'report-form' }>>,
): Promise<LinkPage> {
  const found = await deps.grants.getReport(reportId);
  if (!found) return unknown;
  const { report, draft, reviews } = found;
  if (!awaitingSubmission.includes(report.status)) {
    return {
      kind: 'problem',
      status: 409,
      title: 'This report has already been sent',
      message: 'Thank you: we have it. There is nothing more to do with this link.',
    };
  }
  const ctx = await mailContext(deps, report.grantId);
  const lastReview = reviews.sort((a, b) => a.n - b.n).at(-1);
  return {
    kind: 'report-form',
    status: 200,
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
    template: reportTemplates[report.templateId as 'light' | 'full'],
    values: { measures: draft?.measures ?? {}, questions: draft?.questions ?? {} },
    errors: [],
    ...(draft ? { notice: `Draft saved ${draft.savedAt.slice(0, 16).replace('T', ' ')} UTC` } : {}),
    ...(report.status === 'changes-requested' && lastReview?.comments ? { comments: lastReview.comments } : {}),
    ...override,
  };
}

async function evidenceForm(
  deps: ReportDeps,
  grantId: string,
  conditionId: string,
  override?: Partial<Extract<LinkPage, { kind: 'evidence-form' }>>,
): Promise<LinkPage> {
  const { conditions } = await deps.grants.getPlan(grantId);
  const condition = conditions.find((c) => c.id === conditionId);
  if (!condition) return unknown;
  if (condition.status !== 'pending' && condition.status !== 'not-met') {
    return {
      kind: 'problem',
      status: 409,
      title: 'This evidence has already been sent',
      message: 'Thank you: we have it. There is nothing more to do with this link.',
    };
  }
  const ctx = await mailContext(deps, grantId);
  return {
    kind: 'evidence-form',
    status: 200,
    grantTitle: ctx.grant.title,
    recipientName: ctx.recipient.name,
    condition: { id: condition.id, description: condition.description },
    values: { text: '', url: '' },
    errors: [],
    ...override,
  };
}

/**
 * POST: `action=save` keeps a draft (the link stays usable); `action=submit` checks the answers
 * and, in one transaction, consumes the link and records the submission. A used, expired,
 * unknown or wrong-scope link writes nothing.
 */
export async function postLink(deps: ReportDeps, token: string, form: Record<string, string>): Promise<LinkPage> {
  const resolved = await resolve(deps, token);
  if (isPage(resolved)) return resolved;
  const { link, hash } = resolved;
  const scopeId = link.scope.kind === 'report' ? link.scope.reportId : link.scope.conditionId;
  if ((form.scope ?? '') !== scopeId) {
    return {
      kind: 'problem',
      status: 409,
      title: 'This link belongs to a different form',
      message:
        'The form you sent does not match the link it was sent to. Please open the link from your email again; nothing has been saved.',
    };
  }
  if (link.scope.kind === 'condition') return postEvidence(deps, hash, link.scope.grantId, link.scope.conditionId, form);

  const reportId = link.scope.reportId;
  const values = {
    measures: Object.fromEntries(
      Object.entries(form)
        .filter(([k]) => k.startsWith('measures.'))
        .map(([k, v]) => [k.slice(9), v]),
    ),
    questions: Object.fromEntries(
      Object.entries(form)
        .filter(([k]) => k.startsWith('questions.'))
        .map(([k, v]) => [k.slice(10), v]),
    ),
  };
  const found = await deps.grants.getReport(reportId);
  if (!found || !awaitingSubmission.includes(found.report.status)) return reportForm(deps, reportId);
  const now = deps.clock.now();
  if (form.action === 'save') {
    await deps.grants.saveDraft(reportId, { ...values, savedAt: now.toISOString() });
    return reportForm(deps, reportId, { values, notice: 'Draft saved. You can come back to this link to finish it.' });
  }
  const template = reportTemplates[found.report.templateId as 'light' | 'full'];
  const checked = checkAnswers(template, values);
  if (checked.issues.length > 0) return reportForm(deps, reportId, { values, errors: checked.issues, status: 422 });
  const n = found.report.submissions + 1;
  const ok = await deps.grants.submitViaLink(
    hash,
    found.report,
    { n, measures: checked.measures, questions: checked.questions, submittedAt: now.toISOString(), via: 'link' },
    now.toISOString(),
    makeEvent(
      'report.submitted',
      keys.report(reportId).pk,
      `link:${hash.slice(0, 12)}`,
      { reportId, grantId: found.report.grantId, submission: n },
      now,
    ),
  );
  if (!ok) {
    // Something changed since the page was read (another link, a second click): say what, write nothing.
    const again = await resolve(deps, token);
    return isPage(again) ? again : reportForm(deps, reportId);
  }
  await resumeReport(deps, reportId, SUBMISSION_WAIT, { submitted: n });
  return {
    kind: 'done',
    title: 'Thank you: your report has been sent',
    message: `${found.report.label} is with the funders now. You will get an email when they have looked at it.`,
  };
}

async function postEvidence(
  deps: ReportDeps,
  hash: string,
  grantId: string,
  conditionId: string,
  form: Record<string, string>,
): Promise<LinkPage> {
  const text = (form.text ?? '').trim();
  const url = (form.url ?? '').trim();
  const errors: FieldIssue[] = [];
  if (!text && !url) errors.push({ field: 'text', rule: 'required', message: 'Please write a short note or give a web link' });
  if (text.length > 2000) errors.push({ field: 'text', rule: 'max-length', message: `At most 2000 characters (you wrote ${text.length})` });
  if (url && !/^https:\/\/[^\s]+$/.test(url))
    errors.push({ field: 'url', rule: 'https-url', message: 'A web link should start with https://' });
  if (errors.length) return evidenceForm(deps, grantId, conditionId, { values: { text, url }, errors, status: 422 });
  const { conditions } = await deps.grants.getPlan(grantId);
  const condition = conditions.find((c) => c.id === conditionId) as Condition;
  const now = deps.clock.now();
  const ok = await deps.grants.submitEvidence(
    hash,
    { ...condition, evidence: { ...(text ? { text } : {}), ...(url ? { url } : {}), submittedAt: now.toISOString() } },
    now.toISOString(),
    makeEvent('condition.evidence-submitted', keys.grant(grantId).pk, `link:${hash.slice(0, 12)}`, { grantId, conditionId }, now),
  );
  if (!ok) return evidenceForm(deps, grantId, conditionId);
  return {
    kind: 'done',
    title: 'Thank you: your evidence has been sent',
    message: 'The funders will look at it and tell you when the payment can go ahead.',
  };
}
