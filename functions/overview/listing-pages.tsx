import { overviewTable } from '../../shared/overview/aws';
import { consortiumGrants, consortiumPools, consortiumRounds } from '../../shared/overview/listings';
import { dayInWords, humanise, plural, pounds } from '../../shared/platform/format';
import type { Page } from '../consortia/web-sessions';
import { Tag } from '../lib/web/govuk';
import { consortiumCrumbs } from '../lib/web/navigation';
import { figures, Link, Table } from '../lib/web/table';

/** The list pages behind the navigation's Pools, Rounds and Grants: each row links to the record's own page. */

export const poolsPage: Page = async ({ caller, params }) => {
  const view = await consortiumPools(overviewTable, caller, params.consortiumId ?? '');
  const c = view.consortium;
  return {
    title: `Pools: ${c.name}`,
    section: 'pools',
    consortium: c,
    crumbs: consortiumCrumbs(c),
    body: (
      <>
        <span class="govuk-caption-l">{c.name}</span>
        <h1 class="govuk-heading-l">Pools</h1>
        {view.mayCreate && (
          // biome-ignore lint/a11y/useSemanticElements: GOV.UK's link styled as a button is an <a role="button">, as its template writes it.
          <a href={`/app/consortia/${c.id}/pools/new`} role="button" draggable="false" class="govuk-button" data-module="govuk-button">
            Create a pool
          </a>
        )}
        {view.pools.length === 0 ? (
          <p class="govuk-body">This consortium has no pooled fund yet.</p>
        ) : (
          <Table
            id="pools-table"
            caption={plural(view.pools.length, 'pool')}
            columns={['Pool', ...figures('Received', 'Committed', 'Available', 'Rounds')]}
            rows={view.pools.map((p) => [
              <Link href={`/app/pools/${p.id}`}>{p.name}</Link>,
              pounds(p.received),
              pounds(p.committed),
              pounds(p.available),
              String(p.rounds),
            ])}
          />
        )}
      </>
    ),
  };
};

export const roundsPage: Page = async ({ caller, params }) => {
  const view = await consortiumRounds(overviewTable, caller, params.consortiumId ?? '');
  const c = view.consortium;
  return {
    title: `Rounds: ${c.name}`,
    section: 'rounds',
    consortium: c,
    crumbs: consortiumCrumbs(c),
    body: (
      <>
        <span class="govuk-caption-l">{c.name}</span>
        <h1 class="govuk-heading-l">Allocation rounds</h1>
        <OpenRound pools={view.mayOpenIn} />
        {view.rounds.length === 0 ? (
          <p class="govuk-body">No pool has opened a round yet.</p>
        ) : (
          <Table
            id="rounds-table"
            caption={plural(view.rounds.length, 'round')}
            columns={['Round', 'Pool', 'Opened', 'Status']}
            rows={view.rounds.map((r) => [
              <Link href={`/app/rounds/${r.id}`}>{r.name}</Link>,
              r.pool,
              dayInWords(r.openedAt),
              <Tag>{humanise(r.status)}</Tag>,
            ])}
          />
        )}
      </>
    ),
  };
};

/** The start of opening a round, for the lead's admins: a round belongs to a pool, so one start per pool. */
function OpenRound({ pools }: { pools: { id: string; name: string }[] }) {
  if (pools.length === 1)
    return (
      // biome-ignore lint/a11y/useSemanticElements: GOV.UK's link styled as a button is an <a role="button">, as its template writes it.
      <a href={`/app/pools/${pools[0]?.id}/rounds/new`} role="button" draggable="false" class="govuk-button" data-module="govuk-button">
        Open a round
      </a>
    );
  if (!pools.length) return null;
  return (
    <>
      <h2 class="govuk-heading-m">Open a round</h2>
      <ul class="govuk-list">
        {pools.map((p) => (
          <li>
            <a class="govuk-link" href={`/app/pools/${p.id}/rounds/new`}>
              Open a round in {p.name}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export const grantsPage: Page = async ({ caller, params }) => {
  const view = await consortiumGrants(overviewTable, caller, params.consortiumId ?? '');
  const c = view.consortium;
  return {
    title: `Grants: ${c.name}`,
    section: 'grants',
    consortium: c,
    crumbs: consortiumCrumbs(c),
    body: (
      <>
        <span class="govuk-caption-l">{c.name}</span>
        <h1 class="govuk-heading-l">Grants</h1>
        {view.grants.length === 0 ? (
          <p class="govuk-body">No grant has been awarded yet.</p>
        ) : (
          <Table
            id="grants-table"
            caption={plural(view.grants.length, 'grant')}
            columns={['Grant', 'Recipient', 'Pool', 'Dates', ...figures('Amount')]}
            rows={view.grants.map((g) => [
              <Link href={`/app/grants/${g.id}`}>{g.title}</Link>,
              g.recipient,
              g.pool,
              `${dayInWords(g.plannedStart)} to ${dayInWords(g.plannedEnd)}`,
              pounds(g.amount),
            ])}
          />
        )}
      </>
    ),
  };
};
