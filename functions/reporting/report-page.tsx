import { workflows } from '../../shared/platform/aws/workflows';
import { DomainError } from '../../shared/platform/errors';
import { reportingTable } from '../../shared/reporting/aws';
import { review } from '../../shared/reporting/review';
import { reportDetail } from '../../shared/reporting/views';
import type { Page } from '../consortia/web-sessions';
import { dateTime, dayMonthYear, humanise, pounds, statusColour } from '../lib/web/format';
import {
  Breadcrumbs,
  Button,
  Csrf,
  ErrorSummary,
  type FieldError,
  Radios,
  SuccessBanner,
  SummaryList,
  Tag,
  Textarea,
} from '../lib/web/govuk';

type Detail = Awaited<ReturnType<typeof reportDetail>>;
interface Typed {
  decision?: string | undefined;
  comments?: string | undefined;
}

const done: Record<string, string> = {
  accept: 'Report accepted: the provider has been thanked, and any payment waiting on it will be released.',
  'request-changes': 'Changes requested: the provider has been sent a new link with your comments.',
};

/** One report: the answers, earlier reviews, and (for the lead's officers, once submitted) the review form. */
export const reportPage: Page = async ({ caller, params, method, form, query, csrf }) => {
  const reportId = params.reportId ?? '';
  if (method === 'POST') {
    const typed = { decision: form.decision, comments: form.comments };
    const errors =
      typed.decision === 'accept' || typed.decision === 'request-changes'
        ? []
        : [{ field: 'decision', message: 'Select whether to accept the report or ask for changes' }];
    if (!errors.length) {
      try {
        await review({ ...reportingTable, workflows }, caller, reportId, {
          decision: typed.decision as 'accept',
          comments: typed.comments,
        });
        return { redirect: `/app/reports/${encodeURIComponent(reportId)}?done=${typed.decision}` };
      } catch (error) {
        if (!(error instanceof DomainError) || error.kind !== 'validation') throw error;
        errors.push(...(error.issues ?? []).map((i) => ({ field: i.field, message: fieldMessage(i.field, i.message) })));
      }
    }
    const view = await reportDetail(reportingTable, caller, reportId);
    return {
      title: `Error: ${view.report.label}`,
      status: 400,
      body: <ReportView view={view} csrf={csrf} errors={errors} typed={typed} />,
    };
  }
  const view = await reportDetail(reportingTable, caller, reportId);
  return {
    title: `${view.report.label}: ${view.grant.title}`,
    body: <ReportView view={view} csrf={csrf} errors={[]} typed={{}} banner={done[query.done ?? '']} />,
  };
};

const fieldMessage = (field: string, message: string) =>
  field === 'comments' ? 'Say what the provider should change' : message.replace(/^\w+: /, '');

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
      <Breadcrumbs
        items={[
          { href: '/app', label: 'What needs me' },
          { href: `/app/consortia/${view.consortium.id}/reports`, label: `${view.consortium.name}: reports` },
        ]}
      />
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
          ['Period', `${dayMonthYear(report.periodStart)} to ${dayMonthYear(report.periodEnd)}`],
          ['Due', dayMonthYear(report.dueDate)],
          ['Form', view.template.name],
          ['Submissions', String(report.submissions)],
        ]}
      />
      {latest ? <Answers view={view} submission={latest} /> : <p class="govuk-body">Nothing has been submitted yet.</p>}
      {view.reviews.length > 0 && <Reviews view={view} />}
      {view.canReview && <ReviewForm reportId={report.id} csrf={csrf} errors={errors} typed={typed} />}
    </>
  );
}

function Answers({ view, submission }: { view: Detail; submission: Detail['submissions'][number] }) {
  return (
    <>
      <h2 class="govuk-heading-m">
        Answers (submission {submission.n}, {dateTime(submission.submittedAt)})
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
            <strong>{r.decision === 'accept' ? 'Accepted' : 'Changes requested'}</strong>, {dateTime(r.at)}
            {r.comments && <>: “{r.comments}”</>}
          </li>
        ))}
      </ul>
    </>
  );
}

function ReviewForm({ reportId, csrf, errors, typed }: { reportId: string; csrf: string; errors: FieldError[]; typed: Typed }) {
  return (
    <form method="post" action={`/app/reports/${encodeURIComponent(reportId)}`} novalidate>
      <Csrf token={csrf} />
      <Radios
        name="decision"
        legend="Your review"
        value={typed.decision}
        errors={errors}
        options={[
          { value: 'accept', label: 'Accept the report', hint: 'The provider is thanked; a payment waiting on this report is released.' },
          { value: 'request-changes', label: 'Ask for changes', hint: 'The provider gets a new link with your comments.' },
        ]}
      />
      <Textarea
        name="comments"
        label="Comments for the provider"
        hint="Needed if you ask for changes."
        value={typed.comments}
        errors={errors}
      />
      <Button>Send review</Button>
    </form>
  );
}
