import { contractsTable } from '../../shared/contracts/aws';
import { policyOf, setContractPolicy } from '../../shared/contracts/contracts';
import type { ContractPolicy } from '../../shared/contracts/rag';
import type { Page } from '../consortia/web-sessions';
import { chosenForm, type FormAction, submitForm } from '../lib/web/form';
import { ActionForm, formPage } from '../lib/web/form-page';
import { Button, type FieldError } from '../lib/web/govuk';
import { GoTo, inputsFor } from '../lib/web/inputs';
import { contractsHref, councilChrome, councilFor, policyHref } from './journey-parts';
import { policyBody } from './schemas';

/**
 * The council's contract policy (issue 25): how near a due date a milestone turns amber, and on
 * which days before it the supplier and the council are alerted. One form, filled in with the
 * policy as it is, decoded into the JSON route's schema (`policyBody`) and sent to its use case
 * (`setContractPolicy`); its admins only, as the use case allows.
 */
export const policyForm: FormAction<typeof policyBody> = {
  schema: policyBody,
  fields: {
    amberWithinDays: {
      label: 'Days before the due date a milestone turns amber',
      as: 'whole',
      missing: 'Enter the days before the due date a milestone turns amber',
    },
    alertOffsetsDays: { label: 'Alert days', as: 'wholes' },
  },
  formId: 'policy',
};

const shown = (p: ContractPolicy) => ({ amberWithinDays: String(p.amberWithinDays), alertOffsetsDays: p.alertOffsetsDays.join(', ') });

export const contractPolicyPage: Page = async ({ caller, params, method, form, posted, query, csrf }) => {
  const c = await councilFor(caller, params.orgId ?? '', 'admin');
  const here = policyHref(c.council.id);
  let errors: FieldError[] = [];
  if (method === 'POST') {
    const save = async () => submitForm(posted, policyForm, (input) => setContractPolicy(contractsTable, caller, c.council.id, input));
    const done = await chosenForm(posted, { policy: save })();
    if (!done.errors) return { redirect: `${here}?done=saved` };
    errors = done.errors;
  }
  const field = inputsFor(method === 'POST' ? form : shown(await policyOf(contractsTable, c.council.id)), errors);
  return {
    ...councilChrome(c),
    ...formPage({
      heading: 'Contract policy',
      title: `Contract policy: ${c.council.name}`,
      caption: c.council.name,
      errors,
      banner: query.done === 'saved' && 'The policy is saved. Milestone alerts follow it from now on.',
      children: (
        <>
          <p class="govuk-body">
            It applies to every contract of the council: the colours on the contracts list, and when suppliers are emailed a link to send a
            milestone’s evidence. Alerts go at 9am, and also the morning after a milestone is overdue.
          </p>
          <ActionForm action="policy" id="policy" csrf={csrf}>
            <field.Whole
              name="amberWithinDays"
              label="Days before the due date a milestone turns amber"
              hint="From 0 to 90. Amber means due soon with no evidence yet; for example, 14."
              width="3"
            />
            <field.Text
              name="alertOffsetsDays"
              label="Alert days"
              hint="Days before the due date, as negative numbers separated by commas, at most 5: for example, -14, -3 emails the supplier 14 and 3 days before."
              width="10"
            />
            <Button>Save the policy</Button>
          </ActionForm>
          <GoTo href={contractsHref(c.council.id)}>Back to the contracts</GoTo>
        </>
      ),
    }),
  };
};
