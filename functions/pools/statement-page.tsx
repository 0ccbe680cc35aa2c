import { pounds } from '../../shared/platform/format';
import { poolsTable } from '../../shared/pools/aws';
import { readablePool } from '../../shared/pools/pools';
import { funderStatement, funderStatementCsv } from '../../shared/pools/statements';
import type { Page } from '../consortia/web-sessions';
import { SummaryList } from '../lib/web/govuk';
import { GoTo } from '../lib/web/inputs';
import { consortiumCrumbs } from '../lib/web/navigation';
import { csvFile } from '../lib/web/page-route';
import { figures, Link, Table } from '../lib/web/table';

/** What one funder pledged and paid, what it funded, and its exact share of each grant (CSV too). */
export const statementPage: Page = async ({ caller, params, query }) => {
  const { poolId = '', orgId = '' } = params;
  const s = await funderStatement(poolsTable, caller, poolId, orgId);
  if (query.format === 'csv') return csvFile(`statement-${orgId}.csv`, funderStatementCsv(s));
  const { consortium } = await readablePool(poolsTable, caller, poolId);
  const c = { id: consortium.id, name: consortium.name };
  return {
    title: `${s.funder.name}: statement for ${s.pool.name}`,
    section: 'pools',
    consortium: c,
    crumbs: consortiumCrumbs(c, 'pools', { href: `/app/pools/${s.pool.id}`, label: s.pool.name }),
    body: (
      <>
        <span class="govuk-caption-l">{s.pool.name}</span>
        <h1 class="govuk-heading-l">Statement: {s.funder.name}</h1>
        <SummaryList
          rows={[
            ['Pledged', <span id="figure-pledged">{pounds(s.pledged)}</span>],
            ['Paid in', <span id="figure-received">{pounds(s.received)}</span>],
            ['Committed to grants (our share)', <span id="figure-committed">{pounds(s.attributedCommitted)}</span>],
            ['Paid to grantees (our share)', <span id="figure-paid">{pounds(s.attributedPaid)}</span>],
            ['Returned', <span id="figure-returned">{pounds(s.returned)}</span>],
            ['Still available', <span id="figure-available">{pounds(s.available)}</span>],
          ]}
        />
        <GoTo href={`/app/pools/${s.pool.id}/statement/${s.funder.id}?format=csv`}>Download this statement (CSV)</GoTo>
        <Table
          id="statement-grants"
          caption="What our money funded"
          columns={['Grant', ...figures('Grant amount', 'Our share', 'Paid', 'Returned')]}
          rows={s.grants.map((g) => [
            <Link href={`/app/grants/${g.grantId}`}>{g.title ?? 'Untitled grant'}</Link>,
            pounds(g.grantAmount),
            pounds(g.share),
            pounds(g.paid),
            pounds(g.returned),
          ])}
        />
      </>
    ),
  };
};
