import { lengthHint } from '../lib/web/form';
import { Checkboxes } from '../lib/web/govuk';
import { ListError } from '../lib/web/inputs';
import type { Question } from '../lib/web/journey';
import { typedPounds } from '../lib/web/typed';
import type { DraftCtx } from './draft-context';
import { advertising, authorityTypes, procedures, scopeKinds, serviceKinds } from './draft-parts';
import { link, newTender, tenderLot } from './schemas';

/**
 * The tasks of drafting a tender (draft-journey.tsx), each a question page: its fields (named by
 * the `newTender` schema's paths, as the JSON route takes them) and its inputs.
 */
type Q = Question<DraftCtx>;

const s = newTender.shape;

export const aboutQuestion: Q = {
  id: 'about',
  task: 'Title and description',
  heading: 'What is the tender for?',
  fields: {
    title: { label: 'Title', missing: 'Enter the title of the tender' },
    description: { label: 'Description', missing: 'Enter a description of what is being bought' },
  },
  body: ({ field }) => (
    <>
      <field.Text name="title" label="Title" hint={lengthHint(s.title)} />
      <field.Area
        name="description"
        label="Description"
        hint={`What the providers will deliver, for whom, and why. Providers read it with the invitation. ${lengthHint(s.description)}`}
      />
    </>
  ),
};

export const procedureQuestion: Q = {
  id: 'procedure',
  task: 'Regime and procedure',
  heading: 'How is the tender run?',
  fields: {
    procedure: { label: 'Procedure', as: 'choice' },
    lightTouch: { label: 'Kind of service', as: 'choice' },
    authorityType: { label: 'Kind of authority', as: 'choice' },
    advertised: { label: 'How providers hear of it', as: 'choice', missing: 'Select whether the tender is advertised' },
    voluntaryStandstillDays: { label: 'Voluntary standstill', as: 'whole', optional: true },
    contractMonths: { label: 'Length of each contract', as: 'whole', optional: true },
  },
  body: ({ field }) => (
    <>
      <p class="govuk-body">
        The regime (above threshold, light touch or below threshold) follows from these and the lots' values, against the thresholds of the
        Procurement Act 2023 in force today. The tender's page then says which notices and periods it needs.
      </p>
      <field.Choice name="procedure" legend="Procedure" options={procedures} />
      <field.Choice name="lightTouch" legend="Kind of service" options={serviceKinds} />
      <field.Choice name="authorityType" legend="Kind of authority" options={authorityTypes} />
      <field.Choice name="advertised" legend="How providers hear of it" options={advertising} />
      <field.Whole
        name="voluntaryStandstillDays"
        label="Voluntary standstill (optional)"
        hint="Only for a light-touch contract at or above its threshold: working days, from 8 to 30, between the award notice and the contract."
        width="2"
      />
      <field.Whole
        name="contractMonths"
        label="Length of each contract (optional)"
        hint="In months, from 1 to 120. Leave it blank for 36 months."
        width="3"
      />
    </>
  ),
};

export const lotsQuestion: Q = {
  id: 'lots',
  task: 'Lots',
  heading: 'What are the lots?',
  fields: { lots: { label: 'Lots', as: 'list', missing: 'Add at least one lot' } },
  list: {
    path: 'lots',
    item: {
      title: { label: 'Lot title', missing: 'Enter the title of the lot' },
      value: { label: 'Value of the lot', as: 'pounds', missing: 'Enter the value of the lot' },
      'scope.kind': { label: 'What the lot covers', as: 'choice', missing: 'Select whether the lot covers a place or what it does' },
      'scope.label': { label: 'Place or service', missing: 'Enter the place or the service the lot covers' },
    },
    max: 20,
    noun: 'lot',
    describe: (l) => `${l.title ?? ''}: ${typedPounds(l.value)} (${l['scope.label'] ?? ''})`,
  },
  body: ({ errors, item }) => (
    <>
      <ListError id="lots" errors={errors} />
      <p class="govuk-body">
        Add each lot: each is awarded to its own provider. Its value is what the funders will pay for it, VAT included.
      </p>
      <item.Text name="title" label="Lot title" hint={lengthHint(tenderLot.shape.title)} />
      <item.Pounds name="value" label="Value of the lot" />
      <item.Choice name="scope.kind" legend="What the lot covers" options={scopeKinds} />
      <item.Text
        name="scope.label"
        label="Place or service"
        hint={`The place (North Wyvern) or the service (volunteering). ${lengthHint(tenderLot.shape.scope.shape.label)}`}
      />
    </>
  ),
};

export const documentsQuestion: Q = {
  id: 'documents',
  task: 'Documents',
  heading: 'Which documents go with the tender?',
  fields: { documents: { label: 'Documents', as: 'list', optional: true } },
  list: {
    path: 'documents',
    item: {
      title: { label: 'Document title', missing: 'Enter the title of the document' },
      url: { label: 'Link', missing: 'Enter the link to the document' },
    },
    max: 20,
    noun: 'document',
    describe: (d) => `${d.title ?? ''} (${d.url ?? ''})`,
  },
  body: ({ item }) => (
    <>
      <p class="govuk-body">
        Links to the specification and any other documents, published where providers can read them. Add each one, or continue without any.
      </p>
      <item.Text name="title" label="Document title" hint={lengthHint(link.shape.title)} />
      <item.Text name="url" label="Link" hint="Starting with https://" type="url" />
    </>
  ),
};

export const panelQuestion: Q = {
  id: 'panel',
  task: 'Evaluation panel',
  heading: 'Who scores the bids?',
  fields: { panel: { label: 'Evaluation panel', as: 'checkboxes', missing: 'Select at least one person for the evaluation panel' } },
  verify: (typed) => {
    const chosen = typed.panel;
    return (Array.isArray(chosen) ? chosen : chosen ? [chosen] : []).length
      ? []
      : [{ field: 'panel', message: 'Select at least one person for the evaluation panel' }];
  },
  body: ({ ctx, typed, errors }) => (
    <Checkboxes
      name="panel"
      legend="Evaluation panel"
      hint="Staff of the consortium's members. Each declares any conflict of interest and scores the bids, which nobody sees before the submission deadline."
      options={ctx.staff.map((p) => ({ value: p.userId, label: `${p.name}, ${p.orgName}`, hint: p.email }))}
      value={(Array.isArray(typed.panel) ? typed.panel : typed.panel ? [typed.panel] : []) as string[]}
      errors={errors}
    />
  ),
};
