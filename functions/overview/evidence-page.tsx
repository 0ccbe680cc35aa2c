import { stringify } from 'csv-stringify/sync';
import { overviewTable } from '../../shared/overview/aws';
import { consortiumEvidence, type MeasureTotal } from '../../shared/overview/evidence';
import type { Page } from '../consortia/web-sessions';
import { pounds } from '../lib/web/format';
import { Breadcrumbs, Button, Select, Table } from '../lib/web/govuk';

type View = Awaited<ReturnType<typeof consortiumEvidence>>;

export const measureText = (m: MeasureTotal) =>
  m.type === 'currency'
    ? pounds(m.value)
    : m.type === 'percentage'
      ? `${m.value.toFixed(1)}% (average of ${m.reports})`
      : `${m.value.toLocaleString('en-GB')}${m.unit ? ` ${m.unit}` : ''}`;

/** Reports aggregated by the five functions of local infrastructure and the three outcome pathways, per financial year. */
export const evidencePage: Page = async ({ caller, params, query }) => {
  const view = await consortiumEvidence(overviewTable, caller, params.consortiumId ?? '', query.year);
  if (query.format === 'csv')
    return {
      download: evidenceCsv(view),
      contentType: 'text/csv; charset=utf-8',
      filename: `evidence-${view.consortium.id}-${view.year ?? 'none'}.csv`,
    };
  return { title: `Evidence: ${view.consortium.name}`, body: <EvidenceView view={view} /> };
};

function evidenceCsv(view: View): string {
  const rows = view.tags.flatMap((t) =>
    t.measures.map((m) => [
      view.consortium.place,
      view.year,
      t.kind,
      t.label,
      m.label,
      m.type === 'currency' ? (m.value / 100).toFixed(2) : String(m.value),
      m.unit ?? '',
      m.reports,
    ]),
  );
  return stringify(rows, { header: true, columns: ['place', 'financial_year', 'kind', 'area', 'measure', 'value', 'unit', 'reports'] });
}

function EvidenceView({ view }: { view: View }) {
  const base = `/app/consortia/${view.consortium.id}/evidence`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/app', label: 'What needs me' },
          { href: `/app/consortia/${view.consortium.id}`, label: view.consortium.name },
        ]}
      />
      <span class="govuk-caption-l">
        {view.consortium.place}, {view.year ? `financial year ${view.year}` : 'no reports yet'}
      </span>
      <h1 class="govuk-heading-l">Evidence</h1>
      <p class="govuk-body">
        From the latest answers of <span id="evidence-reports">{view.reports}</span> submitted or accepted reports ({view.accepted}{' '}
        accepted), by the five functions of local infrastructure and its three outcome pathways.
      </p>
      {view.years.length > 1 && (
        <form method="get" action={base} class="grantloop-filters">
          <Select name="year" label="Financial year" value={view.year} options={view.years.map((y) => ({ value: y, label: y }))} />
          <Button secondary>Show year</Button>
        </form>
      )}
      {view.year && (
        <p class="govuk-body">
          <a class="govuk-link" href={`${base}?year=${view.year}&format=csv`}>
            Download these figures (CSV)
          </a>
        </p>
      )}
      {(['function', 'pathway'] as const).map((kind) => (
        <>
          <h2 class="govuk-heading-l">{kind === 'function' ? 'Functions' : 'Outcome pathways'}</h2>
          {view.tags
            .filter((t) => t.kind === kind)
            .map((t) => (
              <section class="govuk-!-margin-bottom-8" id={`tag-${t.tag}`}>
                <h3 class="govuk-heading-m">{t.label}</h3>
                <p class="govuk-body">
                  {t.reports === 0 ? 'No report gave evidence here yet.' : `${t.reports} ${t.reports === 1 ? 'report' : 'reports'}.`}
                </p>
                {t.measures.length > 0 && (
                  <Table
                    columns={[{ label: 'Measure' }, { label: 'Total', numeric: true }, { label: 'Reports', numeric: true }]}
                    rows={t.measures.map((m) => [
                      m.label,
                      <span data-measure={`${t.tag}/${m.id}`}>{measureText(m)}</span>,
                      String(m.reports),
                    ])}
                  />
                )}
                {t.excerpts.map((e) => (
                  <div class="govuk-inset-text">
                    “{e.text}”
                    <br />
                    <a class="govuk-link govuk-body-s" href={`/app/reports/${e.reportId}`}>
                      {e.providerName}, {e.grantTitle}
                    </a>
                  </div>
                ))}
              </section>
            ))}
        </>
      ))}
    </>
  );
}
