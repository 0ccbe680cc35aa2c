import { confirmConsortium } from '../../shared/consortia/consortia';
import { frequencies, type ReportingPolicy } from '../../shared/grants/report-schedule';
import { setReportingPolicy } from '../../shared/grants/reporting-policy';
import { overviewTable } from '../../shared/overview/aws';
import { consortiumOverview } from '../../shared/overview/consortium';
import { workflows } from '../../shared/platform/aws/workflows';
import { DomainError } from '../../shared/platform/errors';
import type { Page } from '../consortia/web-sessions';
import { reportingPolicy } from '../grants/schemas';
import { zodIssues } from '../lib/http';
import { humanise, pounds } from '../lib/web/format';
import {
  Breadcrumbs,
  Button,
  Csrf,
  ErrorSummary,
  type FieldError,
  Select,
  SuccessBanner,
  SummaryList,
  Table,
  Tag,
  TextInput,
} from '../lib/web/govuk';

type View = Awaited<ReturnType<typeof consortiumOverview>>;
type Typed = Record<string, string>;

const done: Record<string, string> = {
  policy: 'Reporting policy saved: it applies to plans set from now on.',
  confirmed: 'Consortium confirmed.',
};
const integer = (s: string | undefined) => (s !== undefined && /^-?\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

/** The policy form's fields, as typed, into the API's shape (the API's own schema then checks it). */
function policyFrom(form: Typed): unknown {
  const pounds = Number((form.threshold ?? '').replace(/[£,\s]/g, ''));
  return {
    thresholdPence: Number.isFinite(pounds) && (form.threshold ?? '').trim() !== '' ? Math.round(pounds * 100) : Number.NaN,
    small: { frequency: form['small.frequency'], template: form['small.template'] },
    large: { frequency: form['large.frequency'], template: form['large.template'] },
    dueDaysAfterPeriodEnd: integer(form.dueDaysAfterPeriodEnd),
    reminderOffsetsDays: (form.reminderOffsetsDays ?? '')
      .split(',')
      .filter((x) => x.trim() !== '')
      .map(integer),
    veryLateAfterDays: integer(form.veryLateAfterDays),
  };
}

const fieldOf = (path: string) =>
  path.startsWith('body.thresholdPence') ? 'threshold' : path.replace(/^body\./, '').replace(/\.\d+$/, '');

export const consortiumPage: Page = async ({ caller, params, method, form, query, csrf }) => {
  const consortiumId = params.consortiumId ?? '';
  if (method === 'POST' && form.action === 'confirm') {
    await confirmConsortium({ ...overviewTable, workflows }, caller, consortiumId);
    return { redirect: `/app/consortia/${encodeURIComponent(consortiumId)}?done=confirmed` };
  }
  if (method === 'POST') {
    const parsed = reportingPolicy.safeParse(policyFrom(form));
    let errors: FieldError[] = parsed.success
      ? []
      : zodIssues(parsed.error, 'body').map((i) => ({ field: fieldOf(i.field), message: i.message.replace(/^body\./, '') }));
    if (parsed.success) {
      try {
        await setReportingPolicy(overviewTable, caller, consortiumId, parsed.data as ReportingPolicy);
        return { redirect: `/app/consortia/${encodeURIComponent(consortiumId)}?done=policy` };
      } catch (error) {
        if (!(error instanceof DomainError) || error.kind !== 'validation') throw error;
        errors = (error.issues ?? []).map((i) => ({ field: i.field, message: i.message }));
      }
    }
    const view = await consortiumOverview(overviewTable, caller, consortiumId);
    return {
      title: `Error: ${view.consortium.name}`,
      status: 400,
      body: <ConsortiumView view={view} csrf={csrf} errors={errors} typed={form} />,
    };
  }
  const view = await consortiumOverview(overviewTable, caller, consortiumId);
  return {
    title: view.consortium.name,
    body: <ConsortiumView view={view} csrf={csrf} errors={[]} typed={typedFrom(view.policy)} banner={done[query.done ?? '']} />,
  };
};

const typedFrom = (p: ReportingPolicy): Typed => ({
  threshold: (p.thresholdPence / 100).toFixed(2),
  'small.frequency': p.small.frequency,
  'small.template': p.small.template,
  'large.frequency': p.large.frequency,
  'large.template': p.large.template,
  dueDaysAfterPeriodEnd: String(p.dueDaysAfterPeriodEnd),
  reminderOffsetsDays: p.reminderOffsetsDays.join(', '),
  veryLateAfterDays: String(p.veryLateAfterDays),
});

function ConsortiumView({
  view,
  csrf,
  errors,
  typed,
  banner,
}: {
  view: View;
  csrf: string;
  errors: FieldError[];
  typed: Typed;
  banner?: string | undefined;
}) {
  const c = view.consortium;
  return (
    <>
      <Breadcrumbs items={[{ href: '/app', label: 'What needs me' }]} />
      {banner && <SuccessBanner heading={banner} />}
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{c.place}</span>
      <h1 class="govuk-heading-l">{c.name}</h1>
      <SummaryList
        rows={[
          ['Status', <Tag>{humanise(c.status)}</Tag>],
          ['Quorum for votes', `${c.quorumPercent ?? 50}% of money paid in`],
        ]}
      />
      {c.status === 'inviting' && view.canManage && (
        <form method="post" action={`/app/consortia/${c.id}`}>
          <Csrf token={csrf} />
          <input type="hidden" name="action" value="confirm" />
          <p class="govuk-body">Your organisation leads this consortium: it starts once you confirm it.</p>
          <Button>Confirm the consortium</Button>
        </form>
      )}
      <Table
        caption="Members"
        columns={[{ label: 'Organisation' }, { label: 'Role' }, { label: 'Funder type' }]}
        rows={view.members.map((m) => [m.name, humanise(m.role), m.kind ? humanise(m.kind) : ''])}
      />
      <h2 class="govuk-heading-m">Pools and rounds</h2>
      {view.pools.length === 0 && <p class="govuk-body">No pools yet.</p>}
      <ul class="govuk-list govuk-list--bullet">
        {view.pools.map((p) => (
          <li>
            <a class="govuk-link" href={`/app/pools/${p.id}`}>
              {p.name}
            </a>
            {p.rounds.length > 0 && (
              <>
                {' '}
                (rounds:{' '}
                {p.rounds.map((r, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    <a class="govuk-link" href={`/app/rounds/${r.id}`}>
                      {r.name}
                    </a>{' '}
                    {humanise(r.status).toLowerCase()}
                  </>
                ))}
                )
              </>
            )}
          </li>
        ))}
      </ul>
      <h2 class="govuk-heading-m">Reports</h2>
      <Table
        columns={[{ label: 'Status' }, { label: 'Reports', numeric: true }]}
        rows={view.reportCounts
          .filter((r) => r.count > 0)
          .map((r) => [
            <a class="govuk-link" href={`/app/consortia/${c.id}/reports?status=${r.status}`}>
              {humanise(r.status)}
            </a>,
            String(r.count),
          ])}
      />
      <p class="govuk-body">
        <a class="govuk-link" href={`/app/consortia/${c.id}/reports`}>
          All reports
        </a>{' '}
        ·{' '}
        <a class="govuk-link" href={`/app/consortia/${c.id}/evidence`}>
          Evidence
        </a>{' '}
        ·{' '}
        <a class="govuk-link" href={`/app/consortia/${c.id}/funding-quality`}>
          Funding quality
        </a>{' '}
        ·{' '}
        <a class="govuk-link" href={`/app/consortia/${c.id}/tenders`}>
          Joint tenders
        </a>
      </p>
      <PolicyForm view={view} csrf={csrf} errors={errors} typed={typed} />
    </>
  );
}

function PolicyForm({ view, csrf, errors, typed }: { view: View; csrf: string; errors: FieldError[]; typed: Typed }) {
  const freq = frequencies.filter((f) => f !== 'milestone').map((f) => ({ value: f, label: humanise(f) }));
  const templates = [
    { value: 'light', label: 'Light form' },
    { value: 'full', label: 'Full form' },
  ];
  if (!view.canManage) {
    const p = view.policy;
    return (
      <>
        <h2 class="govuk-heading-m">Reporting policy</h2>
        <p class="govuk-body">
          Grants under {pounds(p.thresholdPence)} report {p.small.frequency} on the {p.small.template} form; larger ones {p.large.frequency}{' '}
          on the {p.large.template} form. Reports are due {p.dueDaysAfterPeriodEnd} days after each period.
        </p>
      </>
    );
  }
  return (
    <form method="post" action={`/app/consortia/${view.consortium.id}`} novalidate>
      <Csrf token={csrf} />
      <input type="hidden" name="action" value="policy" />
      <h2 class="govuk-heading-m">Reporting policy</h2>
      <TextInput
        name="threshold"
        label="Small grants are under (£)"
        value={typed.threshold}
        errors={errors}
        width="10"
        inputmode="decimal"
      />
      <Select name="small.frequency" label="Small grants report" options={freq} value={typed['small.frequency']} />
      <Select name="small.template" label="Small grants use" options={templates} value={typed['small.template']} />
      <Select name="large.frequency" label="Larger grants report" options={freq} value={typed['large.frequency']} />
      <Select name="large.template" label="Larger grants use" options={templates} value={typed['large.template']} />
      <TextInput
        name="dueDaysAfterPeriodEnd"
        label="Reports are due this many days after each period"
        value={typed.dueDaysAfterPeriodEnd}
        errors={errors}
        width="3"
        inputmode="numeric"
      />
      <TextInput
        name="reminderOffsetsDays"
        label="Reminders, in days from the due date"
        hint="Separated by commas; negative is before, for example -14, -3, 0, 7"
        value={typed.reminderOffsetsDays}
        errors={errors}
        width="10"
      />
      <TextInput
        name="veryLateAfterDays"
        label="A report is very late this many days after it was due"
        value={typed.veryLateAfterDays}
        errors={errors}
        width="3"
        inputmode="numeric"
      />
      <Button>Save reporting policy</Button>
    </form>
  );
}
