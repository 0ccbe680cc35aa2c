import { tendersTable } from '../../shared/tenders/aws';
import { tenderPipeline } from '../../shared/tenders/views';
import type { Page } from '../consortia/web-sessions';
import { dateTime, humanise, pounds } from '../lib/web/format';
import { Breadcrumbs, Table, Tag } from '../lib/web/govuk';
import { stageColour } from './tender-parts';

/** A consortium's tenders and where each stands; bid counts appear only once a tender's deadline has passed. */
export const pipelinePage: Page = async ({ caller, params }) => {
  const view = await tenderPipeline(tendersTable, caller, params.consortiumId ?? '');
  const c = view.consortium;
  return {
    title: `Tenders: ${c.name}`,
    section: 'consortia',
    body: (
      <>
        <Breadcrumbs
          items={[
            { href: '/app', label: 'What needs me' },
            { href: `/app/consortia/${c.id}`, label: c.name },
          ]}
        />
        <h1 class="govuk-heading-l">Joint tenders</h1>
        <p class="govuk-body">
          Tenders the members co-design and co-fund from the pool. Bids are sealed until each tender's submission deadline: until then
          nobody, staff included, can see them or how many there are.
        </p>
        {view.rows.length ? (
          <Table
            caption={`${view.rows.length} tender${view.rows.length === 1 ? '' : 's'}`}
            columns={[
              { label: 'Tender' },
              { label: 'Stage' },
              { label: 'Lots', numeric: true },
              { label: 'Budget', numeric: true },
              { label: 'Submission deadline' },
              { label: 'Bids' },
            ]}
            rows={view.rows.map((t) => [
              <a class="govuk-link" href={`/app/tenders/${t.id}`}>
                {t.title}
              </a>,
              <Tag colour={stageColour[t.status]}>{humanise(t.status)}</Tag>,
              String(t.lots),
              pounds(t.budget),
              dateTime(t.submissionDeadline),
              t.bids === undefined ? 'Sealed' : String(t.bids),
            ])}
          />
        ) : (
          <p class="govuk-body">No tenders yet. The lead drafts one through the API (POST /consortia/{c.id}/tenders).</p>
        )}
      </>
    ),
  };
};
