import type { Child } from 'hono/jsx';
import { feedStatus } from '../../shared/calendar/rotate';
import { roleIn } from '../../shared/consortia/caller';
import { roleAtLeast } from '../../shared/consortia/organisation';
import { contractsTable } from '../../shared/contracts/aws';
import { nextContractStatuses } from '../../shared/contracts/changes';
import { readableContract } from '../../shared/contracts/contracts';
import { contractView } from '../../shared/contracts/views';
import { dayInWords, humanise, pounds } from '../../shared/platform/format';
import type { Page } from '../consortia/web-sessions';
import type { FieldError } from '../lib/web/govuk';
import { ErrorSummary, SuccessBanner, SummaryList } from '../lib/web/govuk';
import { SubNavigation } from '../lib/web/sub-navigation';
import { type ContractPart, doneMessages, runAction } from './contract-actions';
import { RagRule, RagTag } from './contract-parts';
import { Amendments, Feed, Kpis, Milestones } from './contract-sections';
import { contractHref } from './hrefs';
import type { SectionProps } from './page-types';
import { Payments, regimeWords } from './payment-section';

/**
 * A contract for council staff, in sub-pages under one heading and a sub-navigation: the overview
 * (its terms, status, amendments, calendar feed), the milestones (evidence, decisions, "request
 * evidence now"), the KPIs (ratings) and the payments (against the 30-day term). Each sub-page
 * takes its own forms and answers them on itself.
 */
const parts: { part: ContractPart; label: string }[] = [
  { part: '', label: 'Overview' },
  { part: 'milestones', label: 'Milestones' },
  { part: 'kpis', label: 'KPIs' },
  { part: 'payments', label: 'Payments' },
];

type Extra = { feed: { exists: boolean; createdAt?: string }; feedUrl: string | undefined };

const bodies: Record<ContractPart, (p: SectionProps & Extra) => Child> = {
  '': (p) => <Overview {...p} />,
  milestones: (p) => (
    <>
      <RagRule amberWithinDays={p.view.policy.amberWithinDays} />
      <Milestones {...p} />
    </>
  ),
  kpis: (p) => <Kpis {...p} />,
  payments: (p) => <Payments {...p} />,
};

const contractPart =
  (part: ContractPart): Page =>
  async ({ caller, params, method, form, posted, query, csrf }) => {
    const contractId = params.contractId ?? '';
    const here = contractHref(contractId, part);
    let errors: FieldError[] = [];
    let feedUrl: string | undefined;
    if (method === 'POST') {
      // Outsiders first get the not-found a made-up id gets, whatever the form says.
      await readableContract(contractsTable, caller, contractId);
      const outcome = await runAction(part, caller, contractId, posted);
      if ('done' in outcome) return { redirect: `${here}?done=${outcome.done}` };
      if ('feedUrl' in outcome) feedUrl = outcome.feedUrl;
      else errors = outcome.errors;
    }
    const view = await contractView(contractsTable, caller, contractId);
    const feed = part === '' ? await feedStatus(contractsTable, { kind: 'contract', id: contractId }) : { exists: false };
    const role = roleIn(caller, view.councilOrgId);
    const mayAct = caller.user.platformAdmin || (role !== undefined && roleAtLeast(role, 'officer'));
    const p = { view, csrf, errors, typed: method === 'POST' ? form : {}, mayAct, feed, feedUrl };
    const banner = doneMessages[query.done ?? ''];
    const label = parts.find((x) => x.part === part)?.label ?? '';
    return {
      title: `${errors.length ? 'Error: ' : ''}${part ? `${label}: ` : ''}${view.title}`,
      status: errors.length ? 400 : 200,
      section: 'contracts',
      crumbs: [
        { href: '/app', label: 'What needs me' },
        { href: `/app/councils/${view.councilOrgId}/contracts`, label: 'Contracts' },
      ],
      body: (
        <>
          {banner && <SuccessBanner heading={banner} />}
          <ErrorSummary errors={errors} />
          <span class="govuk-caption-l">Contract with {view.supplier.name}</span>
          <h1 class="govuk-heading-l">{view.title}</h1>
          <p class="govuk-body">
            <RagTag rag={view.rag} />
          </p>
          <SubNavigation
            label="Contract"
            items={parts.map((x) => ({
              href: contractHref(contractId, x.part),
              label: x.label,
              current: contractHref(contractId, x.part) === here,
            }))}
          />
          {bodies[part](p)}
        </>
      ),
    };
  };

function Overview(p: SectionProps & Extra) {
  const { view } = p;
  const open = nextContractStatuses(view.status).length > 0;
  const status = `${humanise(view.status)}${view.statusReason ? `: ${view.statusReason}` : ''}`;
  return (
    <>
      <SummaryList
        rows={[
          p.mayAct && open ? ['Status', status, { href: `${contractHref(view.id, '')}/status`, label: 'Change' }] : ['Status', status],
          ['Supplier', `${view.supplier.name}${view.supplier.identifier ? ` (${view.supplier.identifier})` : ''}, ${view.supplier.email}`],
          ['Value', pounds(view.value)],
          ['Period', `${dayInWords(view.period.startDate)} to ${dayInWords(view.period.endDate)}`],
          [
            'Funded by',
            view.funding.kind === 'pool' ? (
              <a class="govuk-link" href={`/app/grants/${view.funding.grantId}`}>
                A grant from a pool
              </a>
            ) : (
              'The council'
            ),
          ],
          [
            'Came from',
            view.source.kind === 'tender' ? (
              <a class="govuk-link" href={`/app/tenders/${view.source.tenderId}`}>
                A joint tender
              </a>
            ) : (
              'Registered directly'
            ),
          ],
          ['Procurement regime', regimeWords(view.regime)],
        ]}
      />
      {p.mayAct && open && (
        <p class="govuk-body">
          <a class="govuk-link" href={`${contractHref(view.id, '')}/amendments/new`}>
            Amend the contract
          </a>{' '}
          (its value, end date or when milestones are due)
        </p>
      )}
      <Amendments view={view} />
      <Feed {...p} />
    </>
  );
}

export const contractPage = contractPart('');
export const contractMilestonesPage = contractPart('milestones');
export const contractKpisPage = contractPart('kpis');
export const contractPaymentsPage = contractPart('payments');
