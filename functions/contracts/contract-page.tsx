import { feedStatus } from '../../shared/calendar/rotate';
import { roleIn } from '../../shared/consortia/caller';
import { roleAtLeast } from '../../shared/consortia/organisation';
import { contractsTable } from '../../shared/contracts/aws';
import { readableContract } from '../../shared/contracts/contracts';
import { contractView } from '../../shared/contracts/views';
import { dayInWords, humanise, pounds } from '../../shared/platform/format';
import type { Page } from '../consortia/web-sessions';
import type { FieldError } from '../lib/web/govuk';
import { ErrorSummary, SuccessBanner, SummaryList } from '../lib/web/govuk';
import { doneMessages, runAction } from './contract-actions';
import { RagRule, RagTag } from './contract-parts';
import { Amendments, Feed, Kpis, Milestones } from './contract-sections';
import { Payments, regimeWords } from './payment-section';

/** A contract for council staff: RAG, milestones with evidence and decision forms, payments against the 30-day term, KPI ratings, amendments, its calendar feed. */
export const contractPage: Page = async ({ caller, params, method, form, posted, query, csrf }) => {
  const contractId = params.contractId ?? '';
  let errors: FieldError[] = [];
  let feedUrl: string | undefined;
  if (method === 'POST') {
    // Outsiders first get the not-found a made-up id gets, whatever the form says.
    await readableContract(contractsTable, caller, contractId);
    const outcome = await runAction(caller, contractId, posted);
    if ('done' in outcome) return { redirect: `/app/contracts/${encodeURIComponent(contractId)}?done=${outcome.done}` };
    if ('feedUrl' in outcome) feedUrl = outcome.feedUrl;
    else errors = outcome.errors;
  }
  const view = await contractView(contractsTable, caller, contractId);
  const feed = await feedStatus(contractsTable, { kind: 'contract', id: contractId });
  const role = roleIn(caller, view.councilOrgId);
  const mayAct = caller.user.platformAdmin || (role !== undefined && roleAtLeast(role, 'officer'));
  const p = { view, csrf, errors, typed: method === 'POST' ? form : {}, mayAct };
  const banner = doneMessages[query.done ?? ''];
  return {
    title: `${errors.length ? 'Error: ' : ''}${view.title}`,
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
        <RagRule amberWithinDays={view.policy.amberWithinDays} />
        <SummaryList
          rows={[
            ['Status', `${humanise(view.status)}${view.statusReason ? `: ${view.statusReason}` : ''}`],
            [
              'Supplier',
              `${view.supplier.name}${view.supplier.identifier ? ` (${view.supplier.identifier})` : ''}, ${view.supplier.email}`,
            ],
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
        <Milestones {...p} />
        <Payments {...p} />
        <Kpis {...p} />
        <Amendments view={view} />
        <Feed {...p} feed={feed} feedUrl={feedUrl} />
      </>
    ),
  };
};

export type ContractPageView = Awaited<ReturnType<typeof contractView>>;
