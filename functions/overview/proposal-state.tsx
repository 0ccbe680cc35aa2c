import type { consortiumOverview } from '../../shared/overview/consortium';
import { timeInWords } from '../../shared/platform/format';
import { Table } from '../lib/web/table';

type View = Awaited<ReturnType<typeof consortiumOverview>>;

const roleWords: Record<string, string> = { lead: 'Lead', member: 'Member', observer: 'Observer' };

/**
 * A consortium that is not running yet, in words: who was invited where, who has answered (only
 * the lead is asked to: it confirms) and by when; or that it lapsed. Nothing for an active one.
 */
export function ProposalState({ view }: { view: View }) {
  const c = view.consortium;
  const lead = view.members.find((m) => m.role === 'lead')?.name ?? 'the lead';
  if (c.status === 'lapsed')
    return (
      <div class="govuk-inset-text">
        {lead} did not confirm this consortium in time, so the proposal lapsed and nothing was funded. To go ahead, an admin of {lead}{' '}
        proposes it again from <a href="/app">What needs me</a>.
      </div>
    );
  const p = view.proposal;
  if (c.status !== 'inviting' || !p) return null;
  return (
    <>
      <h2 class="govuk-heading-m">Waiting for {lead} to confirm</h2>
      <p class="govuk-body">
        {p.invitationsSent
          ? `Each organisation has been emailed an invitation at its contact address. The consortium starts once an admin of ${lead} confirms it on this page${p.confirmBy ? `, by ${timeInWords(p.confirmBy)}` : ''}; if nobody does, the proposal lapses. The other members have nothing to do now: everyone is emailed when it starts.`
          : `The invitations are being emailed to each organisation's contact address. Once they are sent, an admin of ${lead} can confirm the consortium on this page.`}
      </p>
      <Table
        caption="Who has answered"
        columns={['Organisation', 'Role', 'Invitation', 'Answer']}
        rows={[...view.members]
          // The lead first (the one answer awaited), then the rest by name.
          .sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead') || a.name.localeCompare(b.name))
          .map((m) => [
            m.name,
            roleWords[m.role] ?? m.role,
            p.invitationsSent ? `Emailed to ${m.contactEmail ?? 'its contact address'}` : 'Being sent',
            m.role === 'lead' ? 'Not confirmed yet' : 'No answer needed',
          ])}
      />
    </>
  );
}
