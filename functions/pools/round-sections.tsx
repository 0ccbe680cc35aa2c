import { listInWords, plural, pounds } from '../../shared/platform/format';
import { Button, Csrf, type FieldError, Tag, WarningText } from '../lib/web/govuk';
import { StartLink } from '../lib/web/inputs';
import { figures, Table } from '../lib/web/table';
import type { View } from './round-view';

/** Parts of the round page: the proposals with their recipients, the start of adding one, and the lead's close form. */

/** Each proposal: what it is for, who receives it (by name), its lot, amount, length and status. */
export function ProposalsTable({ view }: { view: View }) {
  if (!view.proposals.length) return <p class="govuk-body">No proposal has been added yet.</p>;
  const lot = (id: string | undefined) => (id ? (view.pool.lots.find((l) => l.id === id)?.name ?? id) : 'No particular lot');
  return (
    <Table
      id="proposals-table"
      caption={plural(view.proposals.length, 'proposal')}
      columns={['Proposal', 'Recipient', 'Lot', ...figures('Amount', 'Months'), 'Status']}
      rows={view.proposals.map((x) => [
        <>
          <strong>{x.title}</strong>
          {x.description && <p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{x.description}</p>}
        </>,
        view.orgNames.get(x.recipientOrgId) ?? 'An organisation no longer on grantloop',
        lot(x.lotId),
        pounds(x.amount),
        String(x.durationMonths),
        <Tag>{x.status === 'not-funded' ? 'Not funded' : x.status === 'funded' ? 'Funded' : 'Proposed'}</Tag>,
      ])}
    />
  );
}

/** While the round is open: the start of adding a proposal, for the lead's and members' officers. */
export function RoundStarts({ view }: { view: View }) {
  if (!view.mayPropose) return null;
  return <StartLink href={`/app/rounds/${view.id}/proposals/new`}>Add a proposal</StartLink>;
}

/**
 * Closing the round for voting (the lead's admins): what happens and who is emailed is said
 * before the button, in GOV.UK's warning text, since it cannot be undone.
 */
export function CloseForm({ view, csrf, errors, votingDays }: { view: View; csrf: string; errors: FieldError[]; votingDays: number }) {
  const error = errors.find((e) => e.field === 'close')?.message;
  return (
    <form method="post" action={`/app/rounds/${encodeURIComponent(view.id)}`} id="close" novalidate>
      <Csrf token={csrf} />
      <input type="hidden" name="action" value="close" />
      <h2 class="govuk-heading-m">Close the round for voting</h2>
      <div class={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
        {error && (
          <p id="close-error" class="govuk-error-message">
            <span class="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <WarningText>
          No more proposals can be added once the round is closed. Voting starts at once: {listInWords(view.voters)}{' '}
          {view.voters.length === 1 ? 'is' : 'are'} emailed and asked to approve or reject the proposals within {votingDays} days.
        </WarningText>
        <Button>Close the round and start voting</Button>
      </div>
    </form>
  );
}
