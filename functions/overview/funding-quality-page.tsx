import { stringify } from 'csv-stringify/sync';
import { overviewTable } from '../../shared/overview/aws';
import { consortiumFundingQuality } from '../../shared/overview/funding-quality';
import { oneDecimal, percent, plural, pounds } from '../../shared/platform/format';
import type { Page } from '../consortia/web-sessions';
import { BarChart, ChartBeside } from '../lib/web/charts';
import { SummaryList } from '../lib/web/govuk';
import { GoTo } from '../lib/web/inputs';
import { consortiumCrumbs } from '../lib/web/navigation';
import { csvFile } from '../lib/web/page-route';
import { figures, Link, Table } from '../lib/web/table';

type View = Awaited<ReturnType<typeof consortiumFundingQuality>>;
const pct = percent;
/** Raw figures for the CSV (a spreadsheet reads 12.5, not "12.5"). */
const num = (v: number, digits = 1) => v.toFixed(digits);

/** Length, continuity, flexibility, conditionality and funder concentration, per grant and for the place. */
export const fundingQualityPage: Page = async ({ caller, params, query }) => {
  const view = await consortiumFundingQuality(overviewTable, caller, params.consortiumId ?? '');
  if (query.format === 'csv') return csvFile(`funding-quality-${view.consortium.id}.csv`, qualityCsv(view));
  const c = { id: view.consortium.id, name: view.consortium.name };
  return {
    title: `Funding quality: ${view.consortium.name}`,
    section: 'funding-quality',
    consortium: c,
    crumbs: consortiumCrumbs(c),
    body: <QualityView view={view} />,
  };
};

function qualityCsv(view: View): string {
  return stringify(
    view.grants.map((g) => [
      g.grantId,
      g.title,
      g.recipient,
      (g.amount / 100).toFixed(2),
      g.months,
      g.gapDays ?? '',
      num(g.corePercent),
      g.conditions,
      num(g.conditionsPer10k, 2),
      num(g.largestFunderPercent),
      g.funders,
    ]),
    {
      header: true,
      columns: [
        'grant_id',
        'title',
        'recipient',
        'amount_gbp',
        'months',
        'gap_days_since_previous',
        'core_percent',
        'conditions',
        'conditions_per_10k',
        'largest_funder_percent',
        'funders',
      ],
    },
  );
}

function QualityView({ view }: { view: View }) {
  const p = view.place;
  return (
    <>
      <span class="govuk-caption-l">{p.place}</span>
      <h1 class="govuk-heading-l">Funding quality</h1>
      <p class="govuk-body">
        Longer, continuous, flexible funding with few conditions and more than one funder is what makes funding good for local
        infrastructure.
      </p>
      <SummaryList
        rows={[
          ['Grants', <span id="quality-grants">{String(p.grants)}</span>],
          ['Total', <span id="quality-amount">{pounds(p.amount)}</span>],
          ['Average length', <span id="quality-months">{`${oneDecimal(p.meanMonths)} months`}</span>],
          [
            'Continuity',
            p.meanGapDays === null
              ? 'No provider has had a second grant yet'
              : `${plural(p.repeatGrants, 'repeat grant')}, on average ${plural(Math.round(p.meanGapDays), 'day')} after the previous one ended`,
          ],
          ['Core (unrestricted) share of the money', <span id="quality-core">{pct(p.corePercent)}</span>],
          [
            'Conditions',
            <span id="quality-conditions">{`${num(p.conditionsPerGrant, 2)} per grant, ${num(p.conditionsPer10k, 2)} per £10,000`}</span>,
          ],
          ['Largest funder’s share (average)', <span id="quality-largest">{pct(p.meanLargestFunderPercent)}</span>],
          ['Funders per grant (average)', oneDecimal(p.meanFunders)],
        ]}
      />
      {view.grants.length > 0 && <PerGrantCharts view={view} />}
      <GoTo href={`/app/consortia/${view.consortium.id}/funding-quality?format=csv`}>Download per grant (CSV)</GoTo>
      <Table
        id="quality-table"
        caption="Per grant"
        columns={['Grant', ...figures('Amount', 'Months', 'Gap (days)', 'Core', 'Conditions', 'Per £10k', 'Largest funder', 'Funders')]}
        rows={view.grants.map((g) => [
          <Link href={`/app/grants/${g.grantId}`}>{g.title}</Link>,
          pounds(g.amount),
          String(g.months),
          g.gapDays === null ? '—' : String(g.gapDays),
          pct(g.corePercent),
          String(g.conditions),
          num(g.conditionsPer10k, 2),
          pct(g.largestFunderPercent),
          String(g.funders),
        ])}
      />
    </>
  );
}

/**
 * What a reader looks at first: how much of each grant is core (unrestricted) money, and how
 * much of it comes from its largest funder, each beside the same figures.
 */
function PerGrantCharts({ view }: { view: View }) {
  const measures = [
    {
      id: 'core-share',
      heading: 'Core share per grant',
      what: 'Core (unrestricted) share',
      of: (g: View['grants'][number]) => g.corePercent,
    },
    {
      id: 'largest-funder',
      heading: 'Funder concentration per grant',
      what: 'Largest funder’s share',
      of: (g: View['grants'][number]) => g.largestFunderPercent,
    },
  ];
  return (
    <>
      {measures.map((m) => (
        <ChartBeside
          heading={m.heading}
          chart={
            <BarChart
              id={m.id}
              title={`${m.what} of each grant`}
              description={`One bar for each of the ${plural(view.grants.length, 'grant')}, from 0% to 100%; the table beside has the same figures.`}
              bars={view.grants.map((g) => ({ label: `${g.title} (${g.recipient})`, value: m.of(g) }))}
              ticks={[0, 25, 50, 75, 100]}
              format={(v) => (Number.isInteger(v) ? `${v}%` : pct(v))}
            />
          }
          table={
            <Table
              id={`${m.id}-table`}
              columns={[{ label: 'Grant' }, { label: m.what, numeric: true }]}
              rows={view.grants.map((g) => [g.title, pct(m.of(g))])}
            />
          }
        />
      ))}
    </>
  );
}
