import type { Child } from 'hono/jsx';
import { dayInWords, monthInWords, pounds } from '../../shared/platform/format';
import { poolsTable } from '../../shared/pools/aws';
import { export360Giving } from '../../shared/pools/giving360';
import { ledgerCsv, ledgerView } from '../../shared/pools/ledger-view';
import { poolPageView } from '../../shared/pools/pool-page';
import type { Page } from '../consortia/web-sessions';
import { BalanceChart, ChartBeside, monthSpan, StackedColumns } from '../lib/web/charts';
import { SummaryList } from '../lib/web/govuk';
import { StartLink } from '../lib/web/inputs';
import { consortiumCrumbs } from '../lib/web/navigation';
import { csvFile } from '../lib/web/page-route';
import { figures, Link, Table, TableOrNone } from '../lib/web/table';

type View = Awaited<ReturnType<typeof poolPageView>>;

/** A pool: its money, two charts with their tables, pledges, the ledger (CSV), the 360Giving file and who pays for what. */
export const poolPage: Page = async ({ caller, params, query }) => {
  const poolId = params.poolId ?? '';
  if (query.format === 'ledger-csv') {
    return csvFile(`ledger-${poolId}.csv`, ledgerCsv(await ledgerView(poolsTable, caller, poolId)));
  }
  if (query.format === '360giving') {
    const data = await export360Giving(poolsTable, caller, poolId);
    return { download: JSON.stringify(data, null, 2), contentType: 'application/json', filename: `360giving-${poolId}.json` };
  }
  const view = await poolPageView(poolsTable, caller, poolId);
  return {
    title: view.summary.name,
    section: 'pools',
    consortium: view.consortium,
    crumbs: consortiumCrumbs(view.consortium, 'pools'),
    body: <PoolView view={view} />,
  };
};

/** A row of the pool's figures: the amount carries an id, so a test or a person's tool can find it. */
const figure = (label: string, id: string, pence: number): [string, Child] => [
  label,
  <span class="grantloop-figure" id={`figure-${id}`}>
    {pounds(pence)}
  </span>,
];

function PoolView({ view }: { view: View }) {
  const s = view.summary;
  const base = `/app/pools/${s.id}`;
  return (
    <>
      <span class="govuk-caption-l">{view.consortium.name}</span>
      <h1 class="govuk-heading-l">{s.name}</h1>
      <p class="govuk-body">{s.purpose}</p>
      <SummaryList
        rows={[
          figure('Pledged', 'pledged', s.pledged),
          figure('Received', 'received', s.received),
          figure('Committed to grants', 'committed', s.committed),
          figure('Paid out', 'paid', s.paid),
          figure('Available to commit', 'available', s.available),
          figure('In the bank', 'bank', s.bank),
        ]}
      />
      <Charts view={view} base={base} />
      <Table
        id="funders-table"
        caption="Funders"
        columns={['Funder', ...figures('Pledged', 'Received'), 'Statement']}
        rows={s.funders.map((f) => [
          f.name ?? f.orgId,
          pounds(f.pledged),
          pounds(f.received),
          <a class="govuk-link" href={`${base}/statement/${f.orgId}`}>
            Statement<span class="govuk-visually-hidden"> of {f.name}</span>
          </a>,
        ])}
      />
      <Pledges view={view} base={base} />
      <Rounds view={view} base={base} />
      <FreeRiders view={view} />
      <Ledger view={view} base={base} />
    </>
  );
}

/** Pledges by year; the lead's officers record money received against each, funders' officers record a pledge. */
function Pledges({ view, base }: { view: View; base: string }) {
  const receive = view.may.receive;
  return (
    <>
      <h2 class="govuk-heading-m">Pledges</h2>
      {view.may.pledge && <StartLink href={`${base}/pledges/new`}>Record a pledge</StartLink>}
      <Table
        id="pledges-table"
        caption="Pledges by financial year"
        columns={['Funder', 'Restriction', 'Year', ...figures('Pledged', 'Received'), ...(receive ? [{ label: 'Money received' }] : [])]}
        rows={view.pledges.flatMap((p) =>
          p.years.map((y, i) => [
            p.funder,
            p.restriction,
            y.financialYear,
            pounds(y.amount),
            pounds(y.received),
            ...(receive
              ? [
                  i === 0 ? (
                    <a class="govuk-link" href={`${base}/pledges/${p.id}/contributions/new`}>
                      Record money received<span class="govuk-visually-hidden"> from {p.funder}</span>
                    </a>
                  ) : (
                    ''
                  ),
                ]
              : []),
          ]),
        )}
      />
    </>
  );
}

/** Where the pool's rounds are listed, and the start of a new one for the lead's admins. */
function Rounds({ view, base }: { view: View; base: string }) {
  return (
    <>
      <h2 class="govuk-heading-m">Allocation rounds</h2>
      <p class="govuk-body">
        Funders propose grants in a round, then vote on them.{' '}
        <a class="govuk-link" href={`/app/consortia/${view.consortium.id}/rounds`}>
          See the consortium's rounds
        </a>
        .
      </p>
      {view.may.openRound && (
        <>
          <StartLink href={`${base}/rounds/new`}>Open a round</StartLink>
          <p class="govuk-body">
            Or{' '}
            <a class="govuk-link" href={`${base}/grants/new`}>
              award a grant straight from the pool
            </a>
            , without a round.
          </p>
        </>
      )}
    </>
  );
}

function FreeRiders({ view }: { view: View }) {
  const r = view.riders;
  return (
    <>
      <h2 class="govuk-heading-m">Who pays, who benefits</h2>
      <Table
        caption="Contributors across the consortium's pools"
        columns={['Organisation', ...figures('Contributed', 'Benefits from grants')]}
        rows={r.contributors.map((c) => [c.name ?? c.orgId, pounds(c.contributed), c.benefitsFrom ? pounds(c.benefitsFrom.value) : '—'])}
      />
      <TableOrNone
        caption="Benefiting without contributing"
        columns={['Organisation', ...figures('Grants', 'Value of those grants')]}
        rows={r.benefitingWithoutContributing.map((c) => [c.name ?? c.orgId, String(c.benefitsFrom.grants), pounds(c.benefitsFrom.value)])}
        none="No organisation benefits from these grants without contributing."
      />
      {r.membersNotContributing.length > 0 && (
        <p class="govuk-body">
          Members that have not contributed yet: {r.membersNotContributing.map((m) => m.name ?? m.orgId).join(', ')}.
        </p>
      )}
    </>
  );
}

/** The bank balance at the end of each month the chart spans: the figures the balance chart draws, month by month. */
function monthEnds(ledger: View['ledger']) {
  if (!ledger.length) return [];
  const months = monthSpan((ledger[0] as View['ledger'][number]).at, (ledger.at(-1) as View['ledger'][number]).at);
  return months.slice(1).map((next, i) => {
    const before = ledger.filter((e) => Date.parse(e.at) < Date.parse(`${next}T00:00:00Z`)).at(-1);
    return { month: monthInWords(months[i] as string), balance: before?.runningBalance ?? 0 };
  });
}

function Charts({ view, base }: { view: View; base: string }) {
  const s = view.summary;
  const last = view.ledger.at(-1);
  return (
    <>
      <ChartBeside
        heading="Balance over time"
        chart={
          <BalanceChart
            id="balance"
            title={`Bank balance of ${s.name}, by date`}
            description={`From ${pounds(0)} to ${pounds(last?.runningBalance ?? 0)}${last ? ` on ${dayInWords(last.at)}` : ''}, moving at each of ${view.ledger.length} ledger entries; the table beside gives the balance at the end of each month, and the ledger below every entry.`}
            points={view.ledger.map((e) => ({ at: e.at, value: e.runningBalance }))}
          />
        }
        table={
          <Table
            id="balance-table"
            caption="Balance at the end of each month"
            columns={['Month', ...figures('Balance')]}
            rows={monthEnds(view.ledger).map((m) => [m.month, pounds(m.balance)])}
          />
        }
      />
      <ChartBeside
        heading="Contributions by funder"
        chart={
          <StackedColumns
            id="contributions"
            title="Money received, by financial year and funder"
            description="Each column is a financial year, each segment a funder; the table beside has the same figures."
            categories={view.contributions.years}
            series={view.contributions.byFunder.map((f) => ({ name: f.name, values: f.received }))}
          />
        }
        table={
          <Table
            id="contributions-table"
            caption="Received by financial year"
            columns={[{ label: 'Funder' }, ...view.contributions.years.map((y) => ({ label: y, numeric: true }))]}
            rows={view.contributions.byFunder.map((f) => [
              <Link href={`${base}/statement/${f.orgId}`}>{f.name}</Link>,
              ...f.received.map((v) => pounds(v)),
            ])}
          />
        }
      />
    </>
  );
}

function Ledger({ view, base }: { view: View; base: string }) {
  return (
    <>
      <h2 class="govuk-heading-m">Ledger</h2>
      <p class="govuk-body">
        <a class="govuk-link" href={`${base}?format=ledger-csv`}>
          Download the ledger (CSV)
        </a>{' '}
        ·{' '}
        <a class="govuk-link" href={`${base}?format=360giving`}>
          Download the grants as 360Giving data (JSON)
        </a>
      </p>
      <Table
        id="ledger-table"
        columns={['No.', 'Date', 'Entry', ...figures('Bank change', 'Balance')]}
        rows={view.ledger.map((e) => [String(e.seq), dayInWords(e.at), e.what, pounds(e.bankChange), pounds(e.runningBalance)])}
      />
    </>
  );
}
