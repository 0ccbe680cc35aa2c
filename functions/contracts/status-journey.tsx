import type { Caller } from '../../shared/consortia/caller';
import { setStatus } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { nextContractStatuses } from '../../shared/contracts/changes';
import type { ContractStatus } from '../../shared/contracts/contract';
import { DomainError } from '../../shared/platform/errors';
import { humanise } from '../../shared/platform/format';
import { lengthHint } from '../lib/web/form';
import { WarningText } from '../lib/web/govuk';
import { GoTo } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import type { PageRequest, PageResult } from '../lib/web/page-route';
import { type ContractCtx, contractChrome, contractFor, contractHref, pick } from './journey-parts';
import { statusBody } from './schemas';

/**
 * Changing a contract's status (issue 25), by the council's officers: the statuses its lifecycle
 * allows from where it is (signed, cancelled before it starts, terminated), a reason, a warning
 * that ending it is final, check your answers. The JSON route's schema (`statusBody`) and use case
 * (`setStatus`); a reason left out where one is needed is refused on the check page, by the domain.
 */
const statusWords: Record<ContractStatus, string> = {
  pending: 'Pending: not yet signed',
  active: 'Active: signed; milestone alerts go to the supplier',
  cancelled: 'Cancelled: it will not go ahead',
  terminated: 'Terminated: it has ended, early or at its end date',
};

export const contractStatusJourney: Journey<typeof statusBody, ContractCtx, Caller> = {
  ...journeyAt('contract-status', (p) => contractHref(p.contractId ?? '', 'status')),
  schema: statusBody,
  title: 'Change the contract’s status',
  load: (req: PageRequest<Caller>) => contractFor(req.caller, req.params.contractId ?? ''),
  chrome: contractChrome,
  questions: [
    {
      id: 'status',
      heading: 'What is the contract’s new status?',
      fields: {
        status: { label: 'New status', as: 'choice', missing: 'Select the new status' },
        reason: { label: 'Reason for the change', optional: true },
      },
      body: ({ ctx, field }) => (
        <>
          <field.Choice
            name="status"
            legend="New status"
            hint={`It is ${humanise(ctx.status).toLowerCase()} now.`}
            options={nextContractStatuses(ctx.status).map((s) => ({ value: s, label: statusWords[s] }))}
          />
          <WarningText>
            Cancelling or terminating a contract cannot be undone: its milestones are no longer alerted or decided, and no more evidence can
            be sent.
          </WarningText>
          <field.Area
            name="reason"
            label="Reason for the change"
            hint={`Needed to cancel or terminate. It is kept with the contract. ${lengthHint(statusBody.shape.reason)}`}
          />
        </>
      ),
    },
  ],
  check: {
    rows: (typed) => [
      { key: 'New status', value: humanise(pick(typed, 'status')), question: 'status' },
      { key: 'Reason', value: pick(typed, 'reason') || 'None given', question: 'status' },
    ],
    button: 'Change the status',
  },
  submit: async (c, value) => (await setStatus(contractsTable, c.caller, c.id, value)).status,
  done: (c) => ({
    panel: `Contract ${humanise(c.status).toLowerCase()}`,
    body: (
      <>
        <p class="govuk-body">{statusWords[c.status]}. The change and its reason are on the contract’s page. No one is emailed.</p>
        <GoTo href={contractHref(c.id)}>Go to the contract</GoTo>
      </>
    ),
  }),
};

const journey = journeyPage(contractStatusJourney);

/**
 * Cancelled and terminated are final: the page then says so, and where to see the contract; its
 * form is gone, so a post to it is refused whole (400).
 */
export async function contractStatusPage(req: PageRequest<Caller>): Promise<PageResult> {
  const c = await contractFor(req.caller, req.params.contractId ?? '');
  if (nextContractStatuses(c.status).length || (req.method === 'GET' && req.query.page === 'done')) return journey(req);
  if (req.method === 'POST') throw new DomainError('validation', 'this page has no such form');
  return {
    title: 'The status is final',
    ...contractChrome(c),
    body: (
      <>
        <h1 class="govuk-heading-l">
          {c.title} is {humanise(c.status).toLowerCase()}
        </h1>
        <p class="govuk-body">That is final: its status cannot change. Its record stays, with its milestones and payments.</p>
        <GoTo href={contractHref(c.id)}>Go to the contract</GoTo>
      </>
    ),
  };
}
