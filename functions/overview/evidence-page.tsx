import { stringify } from 'csv-stringify/sync';
import { overviewTable } from '../../shared/overview/aws';
import { consortiumEvidence, type MeasureTotal } from '../../shared/overview/evidence';
import { count, percent, plural, pounds } from '../../shared/platform/format';
import type { Page } from '../consortia/web-sessions';
import { BarChart, ChartBeside, niceTicks } from '../lib/web/charts';
import { Button, Select } from '../lib/web/govuk';
import { GoTo } from '../lib/web/inputs';
import { consortiumCrumbs } from '../lib/web/navigation';
import { csvFile } from '../lib/web/page-route';
import { figures, Table } from '../lib/web/table';

type View = Awaited<ReturnType<typeof consortiumEvidence>>;

const measureText = (m: MeasureTotal) =>
  m.type === 'currency'
    ? pounds(m.value)
    : m.type === 'percentage'
      ? `${percent(m.value)} (average of ${plural(m.reports, 'report')})`
      : `${count(m.value)}${m.unit ? ` ${m.unit}` : ''}`;

/** Reports aggregated by the five functions of local infrastructure and the three outcome pathways, per financial year. */
export const evidencePage: Page = async ({ caller, params, query }) => {
  const view = await consortiumEvidence(overviewTable, caller, params.consortiumId ?? '', query.year);
  if (query.format === 'csv') return csvFile(`evidence-${view.consortium.id}-${view.year ?? 'none'}.csv`, evidenceCsv(view));
  const c = { id: view.consortium.id, name: view.consortium.name };
  return {
    title: `Evidence: ${view.consortium.name}`,
    section: 'evidence',
    consortium: c,
    crumbs: consortiumCrumbs(c),
    body: <EvidenceView view={view} />,
  };
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
      {view.year && <GoTo href={`${base}?year=${view.year}&format=csv`}>Download these figures (CSV)</GoTo>}
      {view.reports > 0 && (['function', 'pathway'] as const).map((kind) => <ReportsBy view={view} kind={kind} />)}
      {(['function', 'pathway'] as const).map((kind) => (
        <>
          <h2 class="govuk-heading-l">{kind === 'function' ? 'Functions' : 'Outcome pathways'}</h2>
          {view.tags
            .filter((t) => t.kind === kind)
            .map((t) => (
              <section class="govuk-!-margin-bottom-8" id={`tag-${t.tag}`}>
                <h3 class="govuk-heading-m">{t.label}</h3>
                <p class="govuk-body">{t.reports === 0 ? 'No report gave evidence here yet.' : `${plural(t.reports, 'report')}.`}</p>
                {t.measures.length > 0 && (
                  <Table
                    columns={['Measure', ...figures('Total', 'Reports')]}
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

/** What a reader looks at first: how many reports gave evidence for each function (or pathway), beside the same figures. */
function ReportsBy({ view, kind }: { view: View; kind: 'function' | 'pathway' }) {
  const tags = view.tags.filter((t) => t.kind === kind);
  const noun = kind === 'function' ? 'function of local infrastructure' : 'outcome pathway';
  return (
    <ChartBeside
      heading={kind === 'function' ? 'Evidence by function' : 'Evidence by outcome pathway'}
      chart={
        <BarChart
          id={`reports-by-${kind}`}
          title={`Reports giving evidence, by ${noun}`}
          description={`One bar for each ${noun}: how many of the ${plural(view.reports, 'report')} gave evidence for it. The table beside has the same figures.`}
          bars={tags.map((t) => ({ label: t.label, value: t.reports }))}
          ticks={niceTicks(Math.max(...tags.map((t) => t.reports)), { target: 4, minStep: 1 })}
          format={count}
        />
      }
      table={
        <Table
          id={`reports-by-${kind}-table`}
          columns={[{ label: kind === 'function' ? 'Function' : 'Pathway' }, { label: 'Reports', numeric: true }]}
          rows={tags.map((t) => [t.label, count(t.reports)])}
        />
      }
    />
  );
}
