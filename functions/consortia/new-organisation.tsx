import { consortiaTable } from '../../shared/consortia/aws';
import type { Caller } from '../../shared/consortia/caller';
import { requirePlatformAdmin } from '../../shared/consortia/caller';
import {
  type FunderType,
  funderTypeNames,
  funderTypes,
  kindNames,
  type OrganisationKind,
  organisationKinds,
} from '../../shared/consortia/organisation';
import { createOrganisation } from '../../shared/consortia/organisations';
import { lengthHint } from '../lib/web/form';
import type { FieldError } from '../lib/web/govuk';
import { GoTo } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import type { PageRequest } from '../lib/web/page-route';
import { organisationsCrumbs } from './organisations-page';
import { newOrganisation } from './schemas';

/**
 * Adding an organisation from the browser (issue 24), for the platform admin: what kind it is
 * (and, for a funder, what type, asked beneath "Funder" with the design system's conditional
 * reveal: with no script the question simply shows, and both answers are posted together), its
 * details, check your answers, confirmation. The input is the JSON route's own
 * (`newOrganisation`), and the org-id is checked by the same use case (`createOrganisation`).
 */
type Ctx = { caller: Caller };

const kindHints: Record<OrganisationKind, string> = {
  funder: 'Puts money into pooled funds: a council, an ICB, a trust or a foundation',
  provider: 'Receives grants: a charity, community group or social enterprise',
  council: 'Manages its own contracts with providers. A council that also pools money with other funders is a funder (local authority)',
};

const orgIdHint =
  "Its identifier on a register, from org-id.guide: GB-CHC- and its charity number (GB-CHC-1123456), GB-COH- and its company number, GB-LAE- and a council's code (GB-LAE-KEN), GB-NHS- and an NHS code; or 360G- and a name for a group on no register.";

const errorOf = (errors: FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">Error:</span> {message}
    </p>
  ) : null;
}

/** The funder's type: radios revealed beneath "Funder" (always shown without script, which the pages never run). */
function FunderTypeRadios({ value, errors }: { value: string; errors: FieldError[] }) {
  const error = errorOf(errors, 'funderType');
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={`funderType-hint${error ? ' funderType-error' : ''}`}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Type of funder</legend>
        <div id="funderType-hint" class="govuk-hint">
          Only for a funder.
        </div>
        <ErrorMessage id="funderType" message={error} />
        <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
          {funderTypes.map((t, i) => (
            <div class="govuk-radios__item">
              <input
                class="govuk-radios__input"
                id={i === 0 ? 'funderType' : `funderType-${i + 1}`}
                name="funderType"
                type="radio"
                value={t}
                checked={value === t}
              />
              <label class="govuk-label govuk-radios__label" for={i === 0 ? 'funderType' : `funderType-${i + 1}`}>
                {funderTypeNames[t as FunderType]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function KindRadios({ typed, errors }: { typed: Record<string, unknown>; errors: FieldError[] }) {
  const error = errorOf(errors, 'kind');
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={error ? 'kind-error' : undefined}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Kind of organisation</legend>
        <ErrorMessage id="kind" message={error} />
        <div class="govuk-radios" data-module="govuk-radios">
          {organisationKinds.map((k, i) => {
            const id = i === 0 ? 'kind' : `kind-${i + 1}`;
            return (
              <>
                <div class="govuk-radios__item">
                  <input
                    class="govuk-radios__input"
                    id={id}
                    name="kind"
                    type="radio"
                    value={k}
                    checked={typed.kind === k}
                    data-aria-controls={k === 'funder' ? 'conditional-kind' : undefined}
                    aria-describedby={`${id}-item-hint`}
                  />
                  <label class="govuk-label govuk-radios__label" for={id}>
                    {kindNames[k]}
                  </label>
                  <div id={`${id}-item-hint`} class="govuk-hint govuk-radios__hint">
                    {kindHints[k]}
                  </div>
                </div>
                {k === 'funder' && (
                  <div class="govuk-radios__conditional" id="conditional-kind">
                    <FunderTypeRadios value={String(typed.funderType ?? '')} errors={errors} />
                  </div>
                )}
              </>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

const kindInWords = (typed: Record<string, unknown>) => {
  const kind = typed.kind as OrganisationKind | undefined;
  const type = typed.funderType as FunderType | undefined;
  if (!kind || !kindNames[kind]) return '';
  return kind === 'funder' && type && funderTypeNames[type] ? `${kindNames[kind]}: ${funderTypeNames[type]}` : kindNames[kind];
};

export const newOrganisationJourney: Journey<typeof newOrganisation, Ctx, Caller> = {
  ...journeyAt('new-organisation', () => '/app/organisations/new'),
  schema: newOrganisation,
  title: 'Add an organisation',
  load: async (req: PageRequest<Caller>) => {
    // Only a platform admin adds organisations; anyone else gets the not-found page (pages never say forbidden).
    requirePlatformAdmin(req.caller);
    return { caller: req.caller };
  },
  chrome: () => ({ section: 'organisations', crumbs: organisationsCrumbs }),
  // A funder type only means something for a funder: one ticked for another kind (both are posted together) is dropped, not refused.
  adapt: (input) => {
    // For a funder, a type left unticked is asked for ("Select the type of funder"), not left to the use case's rule.
    if (input.kind === 'funder') return { ...input, funderType: input.funderType ?? '' };
    const { funderType: _dropped, ...rest } = input;
    return rest;
  },
  questions: [
    {
      id: 'kind',
      heading: 'What kind of organisation is it?',
      fields: {
        kind: { label: 'Kind of organisation', as: 'choice', missing: 'Select what kind of organisation it is' },
        // Optional: asked only of a funder (`adapt`).
        funderType: { label: 'Type of funder', as: 'choice', optional: true, missing: 'Select the type of funder' },
      },
      body: ({ typed, errors }) => <KindRadios typed={typed} errors={errors} />,
    },
    {
      id: 'details',
      heading: 'What are its details?',
      fields: {
        name: { label: 'Name of the organisation', missing: 'Enter the name of the organisation' },
        identifier: { label: 'Org-id', missing: 'Enter its org-id' },
        contactEmail: { label: 'Contact email address', missing: 'Enter a contact email address' },
      },
      body: ({ field }) => (
        <>
          <field.Text name="name" label="Name of the organisation" hint={lengthHint(newOrganisation.shape.name)} />
          <field.Text name="identifier" label="Org-id" hint={orgIdHint} width="20" />
          <field.Text
            name="contactEmail"
            label="Contact email address"
            hint="Where invitations to consortia are sent."
            type="email"
            autocomplete="email"
          />
        </>
      ),
    },
  ],
  check: {
    rows: (typed) => [
      { key: 'Kind', value: kindInWords(typed), question: 'kind' },
      { key: 'Name', value: String(typed.name ?? ''), question: 'details' },
      { key: 'Org-id', value: String(typed.identifier ?? ''), question: 'details' },
      { key: 'Contact email address', value: String(typed.contactEmail ?? ''), question: 'details' },
    ],
    button: 'Add the organisation',
  },
  submit: async (c, value) => (await createOrganisation(consortiaTable, c.caller, value)).id,
  done: (_c, orgId) => ({
    panel: 'Organisation added',
    body: (
      <>
        <p class="govuk-body">
          Nobody has been emailed. Next, add its staff: each can then sign in with their email address and act with their role. Its first
          admin can add the rest.
        </p>
        <GoTo href={`/app/organisations/${encodeURIComponent(orgId)}`}>Go to the organisation</GoTo>
      </>
    ),
  }),
};

export const newOrganisationPage = journeyPage(newOrganisationJourney);
