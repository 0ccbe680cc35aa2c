import { feedStatus, rotateFeed } from '../../shared/calendar/rotate';
import { roleIn } from '../../shared/consortia/caller';
import { roleAtLeast } from '../../shared/consortia/organisation';
import { contractsTable } from '../../shared/contracts/aws';
import { contractStatuses } from '../../shared/contracts/contract';
import { councilMilestones, milestonesCsv } from '../../shared/contracts/exports';
import { councilContracts } from '../../shared/contracts/views';
import { dayInWords, humanise, pounds } from '../../shared/platform/format';
import type { Page } from '../consortia/web-sessions';
import { chosenForm } from '../lib/web/form';
import { Button, Select, TextInput } from '../lib/web/govuk';
import { GoTo, StartLink } from '../lib/web/inputs';
import { csvFile } from '../lib/web/page-route';
import { figures, Link, TableOrNone } from '../lib/web/table';
import { CalendarFeed, RagRule, RagTag } from './contract-parts';
import { contractsHref, policyHref } from './hrefs';

const statusOf = (s: string | undefined) => contractStatuses.find((x) => x === s);

/** A council's contracts, worst RAG first, filtered by status and supplier (a GET form: works without script). */
export const contractsPage: Page = async ({ caller, params, query, method, posted, csrf }) => {
  const orgId = params.orgId ?? '';
  let feedUrl: string | undefined;
  if (method === 'POST') {
    // Whoever may not read the council's contracts gets its 404 first, as for a made-up id.
    await councilContracts(contractsTable, caller, orgId, {});
    // The only form here (no fields) makes or replaces the council's calendar feed: its address is shown in this answer only.
    const rotate = async () => (await rotateFeed(contractsTable, caller, { kind: 'council', id: orgId })).url;
    feedUrl = await chosenForm(posted, { 'rotate-feed': rotate })();
  }
  if (query.download === 'milestones') {
    const view = await councilMilestones(contractsTable, caller, orgId);
    return csvFile(`milestones-${orgId}.csv`, milestonesCsv(view));
  }
  const view = await councilContracts(contractsTable, caller, orgId, { status: statusOf(query.status), supplier: query.supplier });
  const feed = await feedStatus(contractsTable, { kind: 'council', id: orgId });
  const role = roleIn(caller, orgId);
  const mayAct = caller.user.platformAdmin || (role !== undefined && roleAtLeast(role, 'officer'));
  // The start links, to those the use cases allow: officers register, admins set the policy.
  const mayPolicy = caller.user.platformAdmin || (role !== undefined && roleAtLeast(role, 'admin'));
  return {
    title: `Contracts: ${view.council.name}`,
    section: 'contracts',
    crumbs: [{ href: '/app', label: 'What needs me' }],
    body: (
      <>
        <span class="govuk-caption-l">{view.council.name}</span>
        <h1 class="govuk-heading-l">Contracts</h1>
        {mayAct && <StartLink href={`${contractsHref(orgId)}/new`}>Register a contract</StartLink>}
        <RagRule amberWithinDays={view.policy.amberWithinDays} />
        <form method="get" action={`/app/councils/${orgId}/contracts`} class="grantloop-filters">
          <Select
            name="status"
            label="Status"
            value={query.status}
            options={[{ value: '', label: 'Any' }, ...contractStatuses.map((s) => ({ value: s, label: humanise(s) }))]}
          />
          <TextInput name="supplier" label="Supplier name contains" value={query.supplier} width="20" />
          <Button secondary>Filter</Button>
        </form>
        <TableOrNone
          caption={`${view.rows.length} contract${view.rows.length === 1 ? '' : 's'}`}
          columns={['Contract', 'Supplier', 'Status', 'RAG', ...figures('Overdue'), 'Next milestone', ...figures('Value')]}
          rows={view.rows.map((c) => [
            <Link href={`/app/contracts/${c.id}`}>{c.title}</Link>,
            c.supplier,
            humanise(c.status),
            <RagTag rag={c.rag} />,
            String(c.overdue),
            c.nextMilestone ? `${c.nextMilestone.title}, ${dayInWords(c.nextMilestone.dueDate)}` : 'None',
            pounds(c.value),
          ])}
          none="No contracts match. A contract is registered by the council or comes from a joint tender's award."
        />
        <GoTo href={`/app/councils/${orgId}/contracts?download=milestones`}>Download every milestone (CSV)</GoTo>
        <GoTo href={`/app/councils/${orgId}/payments`}>Payments: late payments, and what to publish (section 70 and UK8 notices)</GoTo>
        {mayPolicy && <GoTo href={policyHref(orgId)}>Contract policy: when milestones turn amber and when suppliers are alerted</GoTo>}
        <CalendarFeed
          holds="Every milestone of these contracts, the report due dates and the tender deadlines your council takes part in."
          action={`/app/councils/${orgId}/contracts`}
          csrf={csrf}
          feed={feed}
          feedUrl={feedUrl}
          mayAct={mayAct}
        />
      </>
    ),
  };
};
