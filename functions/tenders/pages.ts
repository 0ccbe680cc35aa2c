import { tendersTable } from '../../shared/tenders/aws';
import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { ClarificationsSection } from './clarifications-section';
import { pipelinePage } from './pipeline-page';
import { clarificationActions, clarificationsDone, overviewActions, overviewDone } from './tender-actions';
import { tenderSubPage } from './tender-page';
import { TenderOverview } from './tender-view';

/** Providers to invite, by name: read only when the overview offers the form. */
const providers = async () =>
  (await tendersTable.consortia.listOrganisations('provider'))
    .map((o) => ({ id: o.id, name: o.name }))
    .sort((a, b) => a.name.localeCompare(b.name));

/**
 * A consortium's tenders; a tender's overview (sign-off, invitations) and clarifications. Its
 * bids and award pages are another function's (evaluation-pages.ts), and cancelling it, which
 * needs the pool's ledger, a third's (cancel-pages.ts), so no bundle passes the limit.
 */
export const handler = staffPage(
  byRoute({
    '/app/consortia/{consortiumId}/tenders': pipelinePage,
    '/app/tenders/{tenderId}': tenderSubPage({
      tab: 'overview',
      actions: overviewActions,
      done: overviewDone,
      body: TenderOverview,
      extra: async (view) => (view.may.invite ? { providers: await providers() } : {}),
    }),
    '/app/tenders/{tenderId}/clarifications': tenderSubPage({
      tab: 'clarifications',
      actions: clarificationActions,
      done: clarificationsDone,
      body: ClarificationsSection,
    }),
  }),
);
