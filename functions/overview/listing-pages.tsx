import type { Child } from 'hono/jsx';
import type { Caller } from '../../shared/consortia/caller';
import { overviewTable } from '../../shared/overview/aws';
import { consortiumGrants, consortiumPools, consortiumRounds } from '../../shared/overview/listings';
import { dayInWords, humanise, pounds } from '../../shared/platform/format';
import type { Page } from '../consortia/web-sessions';
import { Tag } from '../lib/web/govuk';
import { StartLink } from '../lib/web/inputs';
import { type ConsortiumRef, consortiumCrumbs, type Section } from '../lib/web/navigation';
import { figures, Link, Listing } from '../lib/web/table';

/** The list pages behind the navigation's Pools, Rounds and Grants: each row links to the record's own page. */

/**
 * One of a consortium's areas, as the navigation names it: read by its use case (which refuses
 * outsiders), under the consortium, captioned with its name.
 */
const area =
  <V extends { consortium: ConsortiumRef }>(
    read: (deps: typeof overviewTable, caller: Caller, consortiumId: string) => Promise<V>,
    section: Section,
    heading: string,
    body: (view: V) => Child,
    title = heading,
  ): Page =>
  async ({ caller, params }) => {
    const view = await read(overviewTable, caller, params.consortiumId ?? '');
    const c = view.consortium;
    return {
      title: `${title}: ${c.name}`,
      section,
      consortium: c,
      crumbs: consortiumCrumbs(c),
      body: (
        <>
          <span class="govuk-caption-l">{c.name}</span>
          <h1 class="govuk-heading-l">{heading}</h1>
          {body(view)}
        </>
      ),
    };
  };

export const poolsPage = area(consortiumPools, 'pools', 'Pools', (view) => (
  <>
    {view.mayCreate && <StartLink href={`/app/consortia/${view.consortium.id}/pools/new`}>Create a pool</StartLink>}
    <Listing
      id="pools-table"
      noun="pool"
      none="This consortium has no pooled fund yet."
      columns={['Pool', ...figures('Received', 'Committed', 'Available', 'Rounds')]}
      rows={view.pools.map((p) => [
        <Link href={`/app/pools/${p.id}`}>{p.name}</Link>,
        pounds(p.received),
        pounds(p.committed),
        pounds(p.available),
        String(p.rounds),
      ])}
    />
  </>
));

export const roundsPage = area(
  consortiumRounds,
  'rounds',
  'Allocation rounds',
  (view) => (
    <>
      <OpenRound pools={view.mayOpenIn} />
      <Listing
        id="rounds-table"
        noun="round"
        none="No pool has opened a round yet."
        columns={['Round', 'Pool', 'Opened', 'Status']}
        rows={view.rounds.map((r) => [
          <Link href={`/app/rounds/${r.id}`}>{r.name}</Link>,
          r.pool,
          dayInWords(r.openedAt),
          <Tag>{humanise(r.status)}</Tag>,
        ])}
      />
    </>
  ),
  'Rounds',
);

/** The start of opening a round, for the lead's admins: a round belongs to a pool, so one start per pool. */
function OpenRound({ pools }: { pools: { id: string; name: string }[] }) {
  if (pools.length === 1) return <StartLink href={`/app/pools/${pools[0]?.id}/rounds/new`}>Open a round</StartLink>;
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

export const grantsPage = area(consortiumGrants, 'grants', 'Grants', (view) => (
  <Listing
    id="grants-table"
    noun="grant"
    none="No grant has been awarded yet."
    columns={['Grant', 'Recipient', 'Pool', 'Dates', ...figures('Amount')]}
    rows={view.grants.map((g) => [
      <Link href={`/app/grants/${g.id}`}>{g.title}</Link>,
      g.recipient,
      g.pool,
      `${dayInWords(g.plannedStart)} to ${dayInWords(g.plannedEnd)}`,
      pounds(g.amount),
    ])}
  />
));
