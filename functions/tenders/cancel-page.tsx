import { mayAct } from '../../shared/consortia/access';
import { workflows } from '../../shared/platform/aws/workflows';
import { notFound } from '../../shared/platform/errors';
import { pounds } from '../../shared/platform/format';
import { cancelTender } from '../../shared/tenders/award';
import { tenderMoney, tendersTable } from '../../shared/tenders/aws';
import { readableTender } from '../../shared/tenders/tenders';
import type { Page } from '../consortia/web-sessions';
import { chosenForm, type FormFields, lengthHint, submitForm } from '../lib/web/form';
import { ActionForm, formPage } from '../lib/web/form-page';
import { Button, type FieldError, WarningText } from '../lib/web/govuk';
import { inputsFor } from '../lib/web/inputs';
import { consortiumCrumbs } from '../lib/web/navigation';
import { cancelBody } from './schemas';
import { tabPath } from './tender-parts';

export const cancelFields: FormFields = {
  reason: { label: 'Why the tender is cancelled', missing: 'Enter why the tender is cancelled; funders and providers are told' },
};

const cancelForm = { schema: cancelBody, fields: cancelFields, formId: 'reason' };

/**
 * Cancelling a tender, for the lead's admins (cancelTender's rule; anyone else gets the
 * page-not-found page): "Are you sure", saying that the money reserved for it goes back to the
 * pool and who is told, with the reason they are told. The same input and use case as the JSON
 * route; a success goes back to the overview with a banner.
 */
export const cancelPage: Page = async ({ caller, params, method, posted, form, csrf }) => {
  const tenderId = params.tenderId ?? '';
  const { tender, consortium } = await readableTender(tendersTable, caller, tenderId);
  if (!mayAct(caller, consortium, ['lead'], 'admin')) throw notFound('tender', tenderId);
  let errors: FieldError[] = [];
  if (method === 'POST') {
    const done = await submitForm(posted, chosenForm(posted, { cancel: cancelForm }), (input) =>
      cancelTender({ ...tendersTable, ...tenderMoney, workflows }, caller, tenderId, input),
    );
    if (!done.errors) return { redirect: `${tabPath('overview', tenderId)}?done=cancelled` };
    errors = done.errors;
  }
  const field = inputsFor(method === 'POST' ? form : {}, errors);
  const reserved = tender.reserved.reduce((a, r) => a + r.amount, 0);
  const ref = { id: consortium.id, name: consortium.name };
  return {
    section: 'tenders',
    consortium: ref,
    crumbs: [...consortiumCrumbs(ref, 'tenders'), { href: tabPath('overview', tenderId), label: tender.title }],
    ...formPage({
      heading: `Are you sure you want to cancel "${tender.title}"?`,
      caption: 'Joint tender',
      errors,
      children: (
        <>
          <WarningText>
            Cancelling cannot be undone.{' '}
            {reserved
              ? `The ${pounds(reserved)} reserved for it in the pool is released to its funders at once.`
              : 'Nothing is reserved in the pool for it yet.'}{' '}
            Every funder and every provider who registered interest is emailed the reason.
          </WarningText>
          <ActionForm action="cancel" id="cancel" csrf={csrf}>
            <field.Area
              name="reason"
              label="Why the tender is cancelled"
              hint={`Funders and providers are told this. ${lengthHint(cancelBody.shape.reason)}`}
              rows={4}
            />
            <div class="govuk-button-group">
              <Button warning>Yes, cancel the tender</Button>
              <a class="govuk-link" href={tabPath('overview', tenderId)}>
                No, go back to the tender
              </a>
            </div>
          </ActionForm>
        </>
      ),
    }),
  };
};
