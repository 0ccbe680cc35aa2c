import { lengthHint } from '../lib/web/form';
import { Button } from '../lib/web/govuk';
import { inputsFor } from '../lib/web/inputs';
import { ListedOrNew } from '../lib/web/listed-or-new';
import { providerBody } from './schemas';
import { NEW_PROVIDER } from './tender-actions';
import { ActionForm, type SectionProps } from './tender-parts';

/**
 * Inviting a provider, for the lead's officers while bids are open: one of the providers on
 * grantloop, or one added on the way by name and email (as a round's proposal adds a recipient):
 * GOV.UK radios with a divider and a conditional reveal, shown whole without JavaScript.
 */
export function InviteProvider(p: SectionProps) {
  const field = inputsFor(p.typed, p.errors);
  return (
    <>
      <h2 class="govuk-heading-m">Invite a provider</h2>
      <p class="govuk-body">
        The provider is emailed its own links to bid and to ask questions, the same as a provider who registers interest.
      </p>
      <ActionForm view={p.view} csrf={p.csrf} action="invite" tab="overview">
        <ListedOrNew
          name="provider"
          legend="Provider"
          legendSize="s"
          hint="Providers on grantloop, or one to add."
          listed={p.providers ?? []}
          notListed={{ value: NEW_PROVIDER, label: 'The provider is not listed', revealId: 'conditional-provider-new' }}
          chosen={p.typed.provider ?? ''}
          errors={p.errors}
        >
          <field.Text name="orgName" label="Provider's name" hint={lengthHint(providerBody.shape.orgName)} />
          <field.Text name="email" label="Provider's email address" hint="Its links are sent here." type="email" />
          <field.Text
            name="identifier"
            label="Provider's org-id (optional)"
            hint="Its charity, company or other register number with its org-id.guide prefix, for example GB-CHC-1066001."
          />
        </ListedOrNew>
        <Button>Invite the provider</Button>
      </ActionForm>
    </>
  );
}
