import type { Caller } from '../../shared/consortia/caller';
import { workflows } from '../../shared/platform/aws/workflows';
import { DomainError } from '../../shared/platform/errors';
import { dayInWords, humanise, pounds, timeInWords } from '../../shared/platform/format';
import { reportingTable } from '../../shared/reporting/aws';
import { sendNewReportLink } from '../../shared/reporting/report-new-link';
import { review } from '../../shared/reporting/review';
import { reportDetail } from '../../shared/reporting/views';
import type { Page } from '../consortia/web-sessions';
import { chosenForm, type Decoded, decodeForm, type FormAction, lengthHint, type PostedForm, submitForm } from '../lib/web/form';
import { ActionForm } from '../lib/web/form-page';
import { Button, Csrf, ErrorSummary, type FieldError, SuccessBanner, SummaryList, Tag, WarningText } from '../lib/web/govuk';
import { inputsFor } from '../lib/web/inputs';
import { consortiumCrumbs } from '../lib/web/navigation';
import { statusColour } from '../lib/web/status-colour';
import * as z from '../lib/zod';
import { reportReview } from './schemas';

type Detail = Awaited<ReturnType<typeof reportDetail>>;
type Typed = {
  decision?: string | undefined;
  comments?: string | undefined;
};

const done: Record<string, string> = {
  accept: 'Report accepted: the provider has been thanked, and any payment waiting on it will be released.',
  'request-changes': 'Changes requested: the provider has been sent a new link with your comments.',
  'new-link': 'A new link is being emailed to the provider. The link they had no longer works; any draft they saved is kept.',
};

/** "Send a new link": a button only, as its use case takes nothing but the report. */
const noFields = z.strictObject({});
const formName = z.object({ action: z.optional(z.string()) });
const newLinkForm: FormAction<typeof noFields> = { schema: noFields, fields: {}, formId: 'new-link' };

type Run = (caller: Caller, reportId: string, posted: PostedForm) => Promise<Decoded<string>>;

/** The page's forms, by their hidden `action`; the review form predates `action` and posts none. */
const forms: Record<string, Run> = {
  review: (caller, reportId, posted) =>
    submitForm(posted, reviewForm, async (input) => {
      await review({ ...reportingTable, workflows }, caller, reportId, input);
      return input.decision;
    }),
  'new-link': (caller, reportId, posted) =>
    submitForm(posted, newLinkForm, async () => {
      await sendNewReportLink(reportingTable, caller, reportId);
      return 'new-link';
    }),
};

/**
 * The review form, decoded into the API's own body (`reportReview`): its fields named and
 * labelled as the page shows them; a refusal about the report's state links to the form.
 */
export const reviewForm = {
  schema: reportReview,
  formId: 'review',
  fields: {
    decision: { label: 'Your review', as: 'choice', missing: 'Select whether to accept the report or ask for changes' },
    comments: { label: 'Comments for the provider', optional: true },
  },
} satisfies FormAction<typeof reportReview>;

/** One report: the answers, earlier reviews, and (for the lead's officers, once submitted) the review form. */
export const reportPage: Page = async ({ caller, params, method, form, posted, query, csrf }) => {
  const reportId = params.reportId ?? '';
  if (method === 'POST') {
    // Outsiders get the not-found page whatever the form says, before anything is read from it.
    await reportDetail(reportingTable, caller, reportId);
    const which = decodeForm(formName, { action: { label: 'Form', optional: true } }, posted);
    // No form of this page posts anything else: refused whole, as a form the page does not have.
    if (which.errors) throw new DomainError('validation', 'this page has no such form');
    // The review form posts no `action`: it predates the others.
    const run = chosenForm({ action: which.value.action ?? 'review' }, forms);
    const sent = await run(caller, reportId, posted);
    if (!sent.errors) return { redirect: `/app/reports/${encodeURIComponent(reportId)}?done=${sent.value}` };
    // Read again: a refusal may follow a change made meanwhile (a review by someone else).
    const view = await reportDetail(reportingTable, caller, reportId);
    return {
      title: `Error: ${view.report.label}`,
      status: 400,
      ...where(view),
      body: <ReportView view={view} csrf={csrf} errors={sent.errors} typed={form} />,
    };
  }
  const view = await reportDetail(reportingTable, caller, reportId);
  return {
    title: `${view.report.label}: ${view.grant.title}`,
    ...where(view),
    body: <ReportView view={view} csrf={csrf} errors={[]} typed={{}} banner={done[query.done ?? '']} />,
  };
};

/** A report sits under its consortium's reports. */
const where = (view: Detail) => ({
  section: 'reports' as const,
  consortium: { id: view.consortium.id, name: view.consortium.name },
  crumbs: consortiumCrumbs(view.consortium, 'reports'),
});

function ReportView({
  view,
  csrf,
  errors,
  typed,
  banner,
}: {
  view: Detail;
  csrf: string;
  errors: FieldError[];
  typed: Typed;
  banner?: string | undefined;
}) {
  const { report } = view;
  const latest = view.submissions.at(-1);
  return (
    <>
      {banner && <SuccessBanner heading={banner} />}
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">
        {view.provider.name}:{' '}
        <a class="govuk-link" href={`/app/grants/${view.grant.id}`}>
          {view.grant.title}
        </a>
      </span>
      <h1 class="govuk-heading-l">{report.label}</h1>
      <SummaryList
        rows={[
          ['Status', <Tag colour={statusColour[report.status]}>{humanise(report.status)}</Tag>],
          ['Period', `${dayInWords(report.periodStart)} to ${dayInWords(report.periodEnd)}`],
          ['Due', dayInWords(report.dueDate)],
          ['Form', view.template.name],
          ['Submissions', String(report.submissions)],
        ]}
      />
      {latest ? <Answers view={view} submission={latest} /> : <p class="govuk-body">Nothing has been submitted yet.</p>}
      {view.reviews.length > 0 && <Reviews view={view} />}
      {view.canReview && <ReviewForm reportId={report.id} csrf={csrf} errors={errors} typed={typed} />}
      {view.newLinkUntil && <NewLinkForm reportId={report.id} until={view.newLinkUntil} csrf={csrf} />}
    </>
  );
}

function Answers({ view, submission }: { view: Detail; submission: Detail['submissions'][number] }) {
  return (
    <>
      <h2 class="govuk-heading-m">
        Answers (submission {submission.n}, {timeInWords(submission.submittedAt)})
      </h2>
      <SummaryList
        rows={[
          ...view.template.measures.map((m): [string, string] => {
            const v = submission.measures[m.id];
            if (v === undefined) return [m.label, 'Not answered'];
            return [
              m.label,
              m.type === 'currency'
                ? pounds(v)
                : m.type === 'percentage'
                  ? `${v}%`
                  : `${v.toLocaleString('en-GB')}${m.unit ? ` ${m.unit}` : ''}`,
            ];
          }),
          ...view.template.questions.map((q): [string, string] => [q.text, submission.questions[q.id] || 'Not answered']),
        ]}
      />
    </>
  );
}

function Reviews({ view }: { view: Detail }) {
  return (
    <>
      <h2 class="govuk-heading-m">Reviews</h2>
      <ul class="govuk-list">
        {view.reviews.map((r) => (
          <li>
            <strong>{r.decision === 'accept' ? 'Accepted' : 'Changes requested'}</strong>, {timeInWords(r.at)}
            {r.comments && <>: “{r.comments}”</>}
          </li>
        ))}
      </ul>
    </>
  );
}

function ReviewForm({ reportId, csrf, errors, typed }: { reportId: string; csrf: string; errors: FieldError[]; typed: Typed }) {
  const field = inputsFor(typed, errors);
  return (
    <form method="post" action={`/app/reports/${encodeURIComponent(reportId)}`} id={reviewForm.formId} novalidate>
      <Csrf token={csrf} />
      <field.Choice
        name="decision"
        legend={reviewForm.fields.decision.label}
        options={[
          { value: 'accept', label: 'Accept the report', hint: 'The provider is thanked; a payment waiting on this report is released.' },
          { value: 'request-changes', label: 'Ask for changes', hint: 'The provider gets a new link with your comments.' },
        ]}
      />
      <field.Area
        name="comments"
        label={reviewForm.fields.comments.label}
        hint={`Needed if you ask for changes. ${lengthHint(reportReview.shape.comments)}`}
      />
      <Button>Send review</Button>
    </form>
  );
}

/** For a provider whose link was lost or who asks again: one button, and what it does to the old link. */
function NewLinkForm({ reportId, until, csrf }: { reportId: string; until: string; csrf: string }) {
  return (
    <ActionForm action="new-link" id={newLinkForm.formId} to={`/app/reports/${encodeURIComponent(reportId)}`} csrf={csrf}>
      <h2 class="govuk-heading-m">Send the provider a new link</h2>
      <p class="govuk-body">
        If the provider has lost the email or the link does not work, send a new one. It works until {timeInWords(until)}, when the time to
        send this report ends.
      </p>
      <WarningText>The link the provider has now stops working. A draft they saved is kept.</WarningText>
      <Button secondary>Send a new link</Button>
    </ActionForm>
  );
}
