import { contractsTable } from '../../shared/contracts/aws';
import { policyOf, setContractPolicy } from '../../shared/contracts/contracts';
import type { ContractPolicy } from '../../shared/contracts/rag';
import type { Page } from '../consortia/web-sessions';
import { chosenForm, type FormAction, submitForm } from '../lib/web/form';
import { Button, Csrf, ErrorSummary, type FieldError, SuccessBanner, TextInput } from '../lib/web/govuk';
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
  const typed = method === 'POST' ? form : shown(await policyOf(contractsTable, c.council.id));
  return {
    title: `${errors.length ? 'Error: ' : ''}Contract policy: ${c.council.name}`,
    status: errors.length ? 400 : 200,
    ...councilChrome(c),
    body: (
      <>
        {query.done === 'saved' && <SuccessBanner heading="The policy is saved. Milestone alerts follow it from now on." />}
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{c.council.name}</span>
        <h1 class="govuk-heading-l">Contract policy</h1>
        <p class="govuk-body">
          It applies to every contract of the council: the colours on the contracts list, and when suppliers are emailed a link to send a
          milestone’s evidence. Alerts go at 9am, and also the morning after a milestone is overdue.
        </p>
        <form method="post" id="policy" novalidate>
          <Csrf token={csrf} />
          <input type="hidden" name="action" value="policy" />
          <TextInput
            name="amberWithinDays"
            label="Days before the due date a milestone turns amber"
            hint="From 0 to 90. Amber means due soon with no evidence yet; for example, 14."
            value={typed.amberWithinDays}
            errors={errors}
            width="3"
            inputmode="numeric"
          />
          <TextInput
            name="alertOffsetsDays"
            label="Alert days"
            hint="Days before the due date, as negative numbers separated by commas, at most 5: for example, -14, -3 emails the supplier 14 and 3 days before."
            value={typed.alertOffsetsDays}
            errors={errors}
            width="10"
          />
          <Button>Save the policy</Button>
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={contractsHref(c.council.id)}>
            Back to the contracts
          </a>
        </p>
      </>
    ),
  };
};
