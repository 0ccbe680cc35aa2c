import { mayAct } from '../../shared/consortia/access';
import { humanise, pounds, timeInWords } from '../../shared/platform/format';
import { tendersTable } from '../../shared/tenders/aws';
import { tenderPipeline } from '../../shared/tenders/views';
import type { Page } from '../consortia/web-sessions';
import { Tag } from '../lib/web/govuk';
import { StartLink } from '../lib/web/inputs';
import { consortiumCrumbs } from '../lib/web/navigation';
import { figures, Link, TableOrNone } from '../lib/web/table';
import { stageColour } from './tender-parts';

/** A consortium's tenders and where each stands; bid counts appear only once a tender's deadline has passed. */
export const pipelinePage: Page = async ({ caller, params }) => {
  const view = await tenderPipeline(tendersTable, caller, params.consortiumId ?? '');
  const c = view.consortium;
  return {
    title: `Tenders: ${c.name}`,
    section: 'tenders',
    consortium: { id: c.id, name: c.name },
    crumbs: consortiumCrumbs(c),
    body: (
      <>
        <h1 class="govuk-heading-l">Joint tenders</h1>
        <p class="govuk-body">
          Tenders the members co-design and co-fund from the pool. Bids are sealed until each tender's submission deadline: until then
          nobody, staff included, can see them or how many there are.
        </p>
        {c.status === 'active' && mayAct(caller, c, ['lead'], 'officer') && (
          <StartLink href={`/app/consortia/${c.id}/tenders/new`}>Draft a tender</StartLink>
        )}
        <TableOrNone
          caption={`${view.rows.length} tender${view.rows.length === 1 ? '' : 's'}`}
          columns={['Tender', 'Stage', ...figures('Lots', 'Budget'), 'Submission deadline', 'Bids']}
          rows={view.rows.map((t) => [
            <Link href={`/app/tenders/${t.id}`}>{t.title}</Link>,
            <Tag colour={stageColour[t.status]}>{humanise(t.status)}</Tag>,
            String(t.lots),
            pounds(t.budget),
            timeInWords(t.submissionDeadline),
            t.bids === undefined ? 'Sealed' : String(t.bids),
          ])}
          none="No tenders yet. The consortium's lead drafts a joint tender for its members to sign off."
        />
      </>
    ),
  };
};
