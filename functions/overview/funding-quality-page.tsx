import { stringify } from 'csv-stringify/sync';
import { overviewTable } from '../../shared/overview/aws';
import { consortiumFundingQuality } from '../../shared/overview/funding-quality';
import type { Page } from '../consortia/web-sessions';
import { pounds } from '../lib/web/format';
import { Breadcrumbs, SummaryList, Table } from '../lib/web/govuk';

type View = Awaited<ReturnType<typeof consortiumFundingQuality>>;
const pct = (v: number) => `${v.toFixed(1)}%`;
const num = (v: number, digits = 1) => v.toFixed(digits);

/** Length, continuity, flexibility, conditionality and funder concentration, per grant and for the place. */
export const fundingQualityPage: Page = async ({ caller, params, query }) => {
  const view = await consortiumFundingQuality(overviewTable, caller, params.consortiumId ?? '');
  if (query.format === 'csv')
    return { download: qualityCsv(view), contentType: 'text/csv; charset=utf-8', filename: `funding-quality-${view.consortium.id}.csv` };
  return { title: `Funding quality: ${view.consortium.name}`, body: <QualityView view={view} /> };
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
      <Breadcrumbs
        items={[
          { href: '/app', label: 'What needs me' },
          { href: `/app/consortia/${view.consortium.id}`, label: view.consortium.name },
        ]}
      />
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
          ['Average length', <span id="quality-months">{`${num(p.meanMonths)} months`}</span>],
          [
            'Continuity',
            p.meanGapDays === null
              ? 'No provider has had a second grant yet'
              : `${p.repeatGrants} repeat grants, on average ${num(p.meanGapDays, 0)} days after the previous one ended`,
          ],
          ['Core (unrestricted) share of the money', <span id="quality-core">{pct(p.corePercent)}</span>],
          [
            'Conditions',
            <span id="quality-conditions">{`${num(p.conditionsPerGrant, 2)} per grant, ${num(p.conditionsPer10k, 2)} per £10,000`}</span>,
          ],
          ['Largest funder’s share (average)', <span id="quality-largest">{pct(p.meanLargestFunderPercent)}</span>],
          ['Funders per grant (average)', num(p.meanFunders)],
        ]}
      />
      <p class="govuk-body">
        <a class="govuk-link" href={`/app/consortia/${view.consortium.id}/funding-quality?format=csv`}>
          Download per grant (CSV)
        </a>
      </p>
      <Table
        id="quality-table"
        caption="Per grant"
        columns={[
          { label: 'Grant' },
          { label: 'Amount', numeric: true },
          { label: 'Months', numeric: true },
          { label: 'Gap (days)', numeric: true },
          { label: 'Core', numeric: true },
          { label: 'Conditions', numeric: true },
          { label: 'Per £10k', numeric: true },
          { label: 'Largest funder', numeric: true },
          { label: 'Funders', numeric: true },
        ]}
        rows={view.grants.map((g) => [
          <a class="govuk-link" href={`/app/grants/${g.grantId}`}>
            {g.title}
          </a>,
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
