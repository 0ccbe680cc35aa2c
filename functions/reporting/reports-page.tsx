import { stringify } from 'csv-stringify/sync';
import { count, dayInWords, humanise, plural } from '../../shared/platform/format';
import { reportingTable } from '../../shared/reporting/aws';
import { reportStatuses } from '../../shared/reporting/report';
import { consortiumReports, type ReportFilters, type ReportSort, reportSorts } from '../../shared/reporting/report-table';
import type { Page } from '../consortia/web-sessions';
import { Button, ErrorSummary, type FieldError, Select, Tag, TextInput } from '../lib/web/govuk';
import { GoTo } from '../lib/web/inputs';
import { consortiumCrumbs } from '../lib/web/navigation';
import { csvFile } from '../lib/web/page-route';
import { statusColour } from '../lib/web/status-colour';
import { Link } from '../lib/web/table';

type View = Awaited<ReturnType<typeof consortiumReports>>;

const isDate = (s: string | undefined) => !s || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)));

/** Reads the filter form (a GET, so a filtered table is a link to share); bad values are named, not ignored. */
function readFilters(q: Record<string, string>): { filters: ReportFilters; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const status = q.status && (reportStatuses as readonly string[]).includes(q.status) ? (q.status as ReportFilters['status']) : undefined;
  if (q.status && !status) errors.push({ field: 'status', message: `Status must be one of: ${reportStatuses.join(', ')}` });
  for (const f of ['from', 'to'] as const) if (!isDate(q[f])) errors.push({ field: f, message: `Due ${f} must be a date like 2026-03-31` });
  const sort = (reportSorts as readonly string[]).includes(q.sort ?? '') ? (q.sort as ReportSort) : 'due';
  const filters: ReportFilters = {
    status,
    from: isDate(q.from) ? q.from || undefined : undefined,
    to: isDate(q.to) ? q.to || undefined : undefined,
    grantId: q.grant || undefined,
    providerId: q.provider || undefined,
    sort,
    order: q.order === 'desc' ? 'desc' : 'asc',
  };
  return { filters, errors };
}

/** Every report of a consortium, due and submitted, filterable and sortable, with the same rows as CSV. */
export const reportsPage: Page = async ({ caller, params, query }) => {
  const consortiumId = params.consortiumId ?? '';
  const { filters, errors } = readFilters(query);
  const view = await consortiumReports(reportingTable, caller, consortiumId, filters);
  if (query.format === 'csv') {
    return csvFile(`reports-${consortiumId}.csv`, reportsCsv(view));
  }
  return {
    title: `Reports: ${view.consortium.name}`,
    status: errors.length ? 400 : 200,
    section: 'reports',
    consortium: { id: view.consortium.id, name: view.consortium.name },
    crumbs: consortiumCrumbs(view.consortium),
    body: <ReportsView view={view} query={query} errors={errors} />,
  };
};

function reportsCsv(view: View): string {
  return stringify(
    view.rows.map((r) => [
      r.id,
      r.grantTitle,
      r.providerName,
      r.label,
      r.periodStart,
      r.periodEnd,
      r.dueDate,
      r.status,
      r.submissions,
      r.reviews,
    ]),
    {
      header: true,
      columns: ['report_id', 'grant', 'provider', 'report', 'period_start', 'period_end', 'due_date', 'status', 'submissions', 'reviews'],
    },
  );
}

function ReportsView({ view, query, errors }: { view: View; query: Record<string, string>; errors: FieldError[] }) {
  const base = `/app/consortia/${view.consortium.id}/reports`;
  const link = (changes: Record<string, string>) => `${base}?${new URLSearchParams({ ...query, ...changes })}`;
  const sortLink = (sort: string, label: string) => {
    const current = (query.sort ?? 'due') === sort;
    const order = current && query.order !== 'desc' ? 'desc' : 'asc';
    return (
      <a class="govuk-link" href={link({ sort, order })} aria-label={`Sort by ${label.toLowerCase()}`}>
        {label}
        {current ? (query.order === 'desc' ? ' ▼' : ' ▲') : ''}
      </a>
    );
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Reports</h1>
      <p class="govuk-body">
        {count(view.rows.length)} of {plural(view.total, 'report')} of {view.consortium.name}, due and submitted.
      </p>
      <form method="get" action={base} class="grantloop-filters" novalidate>
        <Select
          name="status"
          label="Status"
          value={query.status}
          options={[{ value: '', label: 'Any status' }, ...reportStatuses.map((s) => ({ value: s, label: humanise(s) }))]}
        />
        <TextInput name="from" label="Due on or after" hint="For example, 2026-04-01" value={query.from} errors={errors} width="10" />
        <TextInput name="to" label="Due on or before" hint="For example, 2027-03-31" value={query.to} errors={errors} width="10" />
        <Select
          name="grant"
          label="Grant"
          value={query.grant}
          options={[{ value: '', label: 'Any grant' }, ...view.grants.map((g) => ({ value: g.id, label: g.name }))]}
        />
        <Select
          name="provider"
          label="Provider"
          value={query.provider}
          options={[{ value: '', label: 'Any provider' }, ...view.providers.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <input type="hidden" name="sort" value={query.sort ?? 'due'} />
        <input type="hidden" name="order" value={query.order ?? 'asc'} />
        <Button secondary>Filter reports</Button>
      </form>
      <GoTo href={link({ format: 'csv' })}>Download these reports (CSV)</GoTo>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">Reports</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Report
            </th>
            {sortable.map(([column, label]) => (
              <th scope="col" class="govuk-table__header" aria-sort={ariaSort(query, column)}>
                {sortLink(column, label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {view.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <Link href={`/app/reports/${r.id}`}>{r.label}</Link>
              </td>
              <td class="govuk-table__cell">{r.grantTitle}</td>
              <td class="govuk-table__cell">{r.providerName}</td>
              <td class="govuk-table__cell">{dayInWords(r.dueDate)}</td>
              <td class="govuk-table__cell">
                <Tag colour={statusColour[r.status]}>{humanise(r.status)}</Tag>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The columns a person can sort the reports by: the sort's name and the column's heading. */
const sortable = [
  ['grant', 'Grant'],
  ['provider', 'Provider'],
  ['due', 'Due'],
  ['status', 'Status'],
] as const;

const ariaSort = (query: Record<string, string>, column: string) =>
  (query.sort ?? 'due') === column ? (query.order === 'desc' ? 'descending' : 'ascending') : undefined;
