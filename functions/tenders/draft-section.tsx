import { listInWords, timeInWords } from '../../shared/platform/format';
import { Button } from '../lib/web/govuk';
import { GoTo, inputsFor } from '../lib/web/inputs';
import { ActionForm, type SectionProps } from './tender-parts';

/**
 * The lead's part of a draft on the tender page: change it (the task list, filled in), send it
 * for sign-off (a warning naming each funder who will be asked), and, when the sign-off deadline
 * has passed with funders silent, decide for them.
 */
/** A workflow's reason names organisations by id ("not enough money from 01J…"): the page says their names. */
const named = (view: SectionProps['view'], reason: string) =>
  view.funders.reduce((text, f) => text.replaceAll(f.orgId, view.orgName(f.orgId)), reason);

export function DraftSection(p: SectionProps) {
  const field = inputsFor(p.typed, p.errors);
  const { view } = p;
  const funders = listInWords(view.funders.map((f) => view.orgName(f.orgId)));
  if (view.may.draft) {
    const refused = view.signOffs.filter((s) => s.decision === 'refuse');
    return (
      <>
        <h2 class="govuk-heading-m">Draft</h2>
        {refused.length > 0 ? (
          <p class="govuk-body">
            {listInWords(refused.map((s) => view.orgName(s.orgId)))} refused the last version (the reasons are above). Change the draft,
            then send it for sign-off again.
          </p>
        ) : (
          view.returnedToDraft && (
            <p class="govuk-body">
              It came back to draft at {timeInWords(view.returnedToDraft.at)}: {named(view, view.returnedToDraft.reason)}. Change the draft,
              then send it for sign-off again.
            </p>
          )
        )}
        <GoTo href={`/app/tenders/${encodeURIComponent(view.id)}/edit`}>Change the draft</GoTo>
        <ActionForm view={view} csrf={p.csrf} action="sign-off-request" tab="overview">
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text">
              <span class="govuk-visually-hidden">Warning</span>
              Sending it asks {funders} to sign off the specification and their contributions: each is emailed and has 10 days. The draft
              cannot be changed while they decide.
            </strong>
          </div>
          <Button>Send for sign-off</Button>
        </ActionForm>
      </>
    );
  }
  if (!view.may.leadDecision) return null;
  const silent = listInWords(view.signOff.pending.map((id) => view.orgName(id)));
  return (
    <>
      <h2 class="govuk-heading-m">The lead’s decision</h2>
      <p class="govuk-body">
        The sign-off deadline passed{view.signOffEscalation ? ` at ${timeInWords(view.signOffEscalation.at)}` : ''} without an answer from{' '}
        {silent}. As lead, decide for them within 5 days; without a decision the tender goes back to draft.
      </p>
      <ActionForm view={view} csrf={p.csrf} action="lead-decision" tab="overview">
        <field.Choice
          name="lead-decision"
          legend="The lead’s decision"
          options={[
            { value: 'proceed', label: 'Proceed', hint: `With the contributions as drafted, ${silent}'s included.` },
            { value: 'return-to-draft', label: 'Send back to draft', hint: 'Change the draft and send it for sign-off again.' },
          ]}
        />
        <Button>Send decision</Button>
      </ActionForm>
    </>
  );
}
