import { consortiaTable } from '../../shared/consortia/aws';
import type { Caller } from '../../shared/consortia/caller';
import type { Organisation } from '../../shared/consortia/organisation';
import { setGiving360Prefix } from '../../shared/consortia/organisations';
import { organisationToManage } from '../../shared/consortia/staff';
import { chosenForm, type FormAction, type PostedForm, submitForm } from '../lib/web/form';
import { ActionForm, formPage } from '../lib/web/form-page';
import { Button, type FieldError } from '../lib/web/govuk';
import { GoTo, inputsFor } from '../lib/web/inputs';
import type { PageRequest, PageResult } from '../lib/web/page-route';
import { organisationsCrumbs } from './organisations-page';
import { giving360Prefix } from './schemas';

/**
 * An organisation's 360Giving publisher prefix (issue 28), for its admins and the platform admin:
 * one question, posted to the same use case and schema as PUT /organisations/{orgId}/giving360-prefix.
 * A consortium's 360Giving feed publishes each funder's grants under its own prefix.
 */
export const prefixForm: FormAction<typeof giving360Prefix> = {
  schema: giving360Prefix,
  fields: { prefix: { label: '360Giving prefix', missing: 'Enter the 360Giving prefix' } },
  formId: 'prefix',
};

const orgPath = (org: Organisation) => `/app/organisations/${encodeURIComponent(org.id)}`;

function prefixView(org: Organisation, csrf: string, typed: PostedForm, errors: FieldError[]): PageResult {
  const field = inputsFor(typed, errors);
  return {
    section: 'organisations',
    crumbs: [...organisationsCrumbs, { href: orgPath(org), label: org.name }],
    ...formPage({
      heading: `What is ${org.name}'s 360Giving prefix?`,
      title: 'What is the organisation’s 360Giving prefix?',
      caption: org.name,
      errors,
      children: (
        <>
          <p class="govuk-body">
            360Giving gives each funder that publishes its grants a prefix when it fills in 360Giving’s Publisher Registration Form. Every
            grant {org.name} publishes through grantloop has an identifier that starts with it, so that nobody else’s grants can be mistaken
            for its own.
          </p>
          <ActionForm action="prefix" id="prefix-form" csrf={csrf}>
            <field.Text
              name="prefix"
              label="360Giving prefix"
              hint="The prefix 360Giving sent when you registered as a publisher. It starts with 360G-, for example 360G-wyvernshire."
              width="20"
              autocomplete="off"
            />
            <Button>Save the prefix</Button>
          </ActionForm>
          <GoTo href={orgPath(org)}>Go back to {org.name}</GoTo>
        </>
      ),
    }),
  };
}

export async function giving360PrefixPage(req: PageRequest<Caller>): Promise<PageResult> {
  // Anyone but its admins and the platform admin gets the not-found page (pages never say forbidden).
  const org = await organisationToManage(consortiaTable, req.caller, req.params.orgId ?? '');
  if (req.method !== 'POST') return prefixView(org, req.csrf, { prefix: org.giving360Prefix ?? '' }, []);
  const form = chosenForm(req.posted, { prefix: prefixForm });
  const done = await submitForm(req.posted, form, (input) => setGiving360Prefix(consortiaTable, req.caller, org.id, input));
  if (done.errors) return prefixView(org, req.csrf, req.posted, done.errors);
  return { redirect: `${orgPath(org)}?done=prefix` };
}
