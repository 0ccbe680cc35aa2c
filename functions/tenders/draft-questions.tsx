import { DomainError } from '../../shared/platform/errors';
import { pounds } from '../../shared/platform/format';
import { checkCriteria, checkDates, issuesOf } from '../../shared/tenders/tender';
import { DateTimeInput } from '../lib/web/date-time-input';
import { decodeForm, type FormFields, lengthHint, type PostedForm, refusal } from '../lib/web/form';
import { type FieldError, Radios, Textarea, TextInput } from '../lib/web/govuk';
import type { Question } from '../lib/web/journey';
import * as z from '../lib/zod';
import { ListError, PoundsInput, typedPounds } from '../pools/journey-parts';
import type { DraftCtx } from './draft-context';
import { advertising, authorityTypes, Checkboxes, criterionKinds, labelOf, procedures, scopeKinds, serviceKinds } from './draft-parts';
import { criterion, link, newTender, tenderLot } from './schemas';

/**
 * The tasks of drafting a tender (draft-journey.tsx), each a question page: its fields (named by
 * the `newTender` schema's paths, as the JSON route takes them) and its inputs.
 */
type Q = Question<DraftCtx>;
type Adapt = (input: Record<string, unknown>) => Record<string, unknown>;

/** The key dates, in the order they must come. */
export const keyDates = [
  {
    key: 'clarificationDeadline',
    label: 'Clarification deadline',
    hint: 'The last moment providers may ask a question.',
  },
  { key: 'submissionDeadline', label: 'Submission deadline', hint: 'Bids are sealed until this moment; none is taken after it.' },
  { key: 'evaluationEnd', label: 'End of evaluation', hint: 'When the panel aims to have scored and moderated every bid.' },
  { key: 'awardDecision', label: 'Award decision', hint: 'When the funders are to approve the award.' },
] as const;

const s = newTender.shape;
const value = (typed: PostedForm, name: string) => String(typed[name] ?? '');

export const aboutQuestion: Q = {
  id: 'about',
  task: 'Title and description',
  heading: 'What is the tender for?',
  fields: {
    title: { label: 'Title', missing: 'Enter the title of the tender' },
    description: { label: 'Description', missing: 'Enter a description of what is being bought' },
  },
  body: ({ typed, errors }) => (
    <>
      <TextInput name="title" label="Title" hint={lengthHint(s.title)} value={value(typed, 'title')} errors={errors} />
      <Textarea
        name="description"
        label="Description"
        hint={`What the providers will deliver, for whom, and why. Providers read it with the invitation. ${lengthHint(s.description)}`}
        value={value(typed, 'description')}
        errors={errors}
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
  body: ({ typed, errors }) => (
    <>
      <p class="govuk-body">
        The regime (above threshold, light touch or below threshold) follows from these and the lots' values, against the thresholds of the
        Procurement Act 2023 in force today. The tender's page then says which notices and periods it needs.
      </p>
      <Radios name="procedure" legend="Procedure" options={procedures} value={value(typed, 'procedure')} errors={errors} />
      <Radios name="lightTouch" legend="Kind of service" options={serviceKinds} value={value(typed, 'lightTouch')} errors={errors} />
      <Radios
        name="authorityType"
        legend="Kind of authority"
        options={authorityTypes}
        value={value(typed, 'authorityType')}
        errors={errors}
      />
      <Radios
        name="advertised"
        legend="How providers hear of it"
        options={advertising}
        value={value(typed, 'advertised')}
        errors={errors}
      />
      <TextInput
        name="voluntaryStandstillDays"
        label="Voluntary standstill (optional)"
        hint="Only for a light-touch contract at or above its threshold: working days, from 8 to 30, between the award notice and the contract."
        value={value(typed, 'voluntaryStandstillDays')}
        errors={errors}
        width="2"
        inputmode="numeric"
      />
      <TextInput
        name="contractMonths"
        label="Length of each contract (optional)"
        hint="In months, from 1 to 120. Leave it blank for 36 months."
        value={value(typed, 'contractMonths')}
        errors={errors}
        width="3"
        inputmode="numeric"
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
  body: ({ typed, errors, next }) => (
    <>
      <ListError id="lots" errors={errors} />
      <p class="govuk-body">
        Add each lot: each is awarded to its own provider. Its value is what the funders will pay for it, VAT included.
      </p>
      <TextInput
        name={`lots.${next}.title`}
        label="Lot title"
        hint={lengthHint(tenderLot.shape.title)}
        value={value(typed, `lots.${next}.title`)}
        errors={errors}
      />
      <PoundsInput name={`lots.${next}.value`} label="Value of the lot" typed={typed} errors={errors} />
      <Radios
        name={`lots.${next}.scope.kind`}
        legend="What the lot covers"
        options={scopeKinds}
        value={value(typed, `lots.${next}.scope.kind`)}
        errors={errors}
      />
      <TextInput
        name={`lots.${next}.scope.label`}
        label="Place or service"
        hint={`The place (North Wyvern) or the service (volunteering). ${lengthHint(tenderLot.shape.scope.shape.label)}`}
        value={value(typed, `lots.${next}.scope.label`)}
        errors={errors}
      />
    </>
  ),
};

/** The use case's own rule over one question's answers, decoded alone, shown against that question's fields. */
function rule<S extends z.ZodMiniType>(schema: S, fields: FormFields, adapt: Adapt, check: (value: z.infer<S>) => void) {
  return (typed: PostedForm): FieldError[] => {
    const decoded = decodeForm(schema, fields, typed, {}, adapt);
    if (decoded.errors) return [];
    try {
      check(decoded.value);
      return [];
    } catch (error) {
      return refusal(error, fields, Object.keys(fields)[0] ?? '');
    }
  };
}
const refuse = (issues: ReturnType<typeof issuesOf>) => {
  if (issues.length) throw new DomainError('validation', issues.map((i) => i.message).join('; '), issues);
};

const criterionItem: FormFields = {
  title: { label: 'Criterion', missing: 'Enter the criterion' },
  kind: { label: 'Quality or price', as: 'choice', missing: 'Select quality or price' },
  weight: { label: 'Weight', as: 'whole', missing: 'Enter the weight, in percent' },
};

export function criteriaQuestion(adapt: Adapt): Q {
  const fields: FormFields = { criteria: { label: 'Criteria', as: 'list', missing: 'Add at least one criterion' } };
  const only = z.strictObject({ criteria: s.criteria });
  return {
    id: 'criteria',
    task: 'Criteria and weights',
    heading: 'How are bids scored?',
    fields,
    list: {
      path: 'criteria',
      item: criterionItem,
      max: 20,
      noun: 'criterion',
      describe: (c) => `${c.title ?? ''}: ${labelOf(criterionKinds, c.kind).toLowerCase()}, ${c.weight ?? ''}%`,
    },
    verify: (typed) => {
      const n = Object.keys(typed).filter((k) => /^criteria\.\d+\.title$/.test(k)).length;
      const all: FormFields = { ...fields };
      for (let i = 0; i < n; i++) for (const [rel, spec] of Object.entries(criterionItem)) all[`criteria.${i}.${rel}`] = spec;
      return rule(
        only,
        all,
        (input) => ({ criteria: (adapt(input).criteria as unknown[]) ?? [] }),
        (v) => refuse(issuesOf((fail) => checkCriteria(v.criteria, fail))),
      )(typed);
    },
    body: ({ typed, errors, next }) => (
      <>
        <ListError id="criteria" errors={errors} />
        <p class="govuk-body">
          Every lot is scored on the same criteria: at least one of quality, and price at most once. Their weights are whole percentages and
          must add up to 100% for each lot.
        </p>
        <TextInput
          name={`criteria.${next}.title`}
          label="Criterion"
          hint={`For example, local knowledge and relationships. ${lengthHint(criterion.shape.title)}`}
          value={value(typed, `criteria.${next}.title`)}
          errors={errors}
        />
        <Radios
          name={`criteria.${next}.kind`}
          legend="Quality or price"
          options={criterionKinds}
          value={value(typed, `criteria.${next}.kind`)}
          errors={errors}
        />
        <TextInput
          name={`criteria.${next}.weight`}
          label="Weight"
          hint="A whole percentage, from 1 to 100."
          value={value(typed, `criteria.${next}.weight`)}
          errors={errors}
          width="3"
          inputmode="numeric"
        />
      </>
    ),
  };
}

export function datesQuestion(now: () => Date): Q {
  const fields: FormFields = Object.fromEntries(keyDates.map((d) => [`dates.${d.key}`, { label: d.label, as: 'datetime' as const }]));
  return {
    id: 'dates',
    task: 'Key dates',
    heading: 'When are the key dates?',
    fields,
    verify: rule(
      z.strictObject({ dates: s.dates }),
      fields,
      (x) => x,
      (v) => refuse(issuesOf((fail) => checkDates(v.dates, now(), fail))),
    ),
    body: ({ typed, errors }) => (
      <>
        <p class="govuk-body">Each is a day and a time on the London clock (24-hour: 17 00 for 5pm), in this order, all in the future.</p>
        {keyDates.map((d) => (
          <DateTimeInput
            name={`dates.${d.key}`}
            legend={d.label}
            hint={`${d.hint} For example, 27 3 2027 12 00.`}
            typed={typed as Record<string, string>}
            errors={errors}
          />
        ))}
      </>
    ),
  };
}

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
  body: ({ typed, errors, next }) => (
    <>
      <p class="govuk-body">
        Links to the specification and any other documents, published where providers can read them. Add each one, or continue without any.
      </p>
      <TextInput
        name={`documents.${next}.title`}
        label="Document title"
        hint={lengthHint(link.shape.title)}
        value={value(typed, `documents.${next}.title`)}
        errors={errors}
      />
      <TextInput
        name={`documents.${next}.url`}
        label="Link"
        hint="Starting with https://"
        value={value(typed, `documents.${next}.url`)}
        errors={errors}
        type="url"
      />
    </>
  ),
};

/** Each voting member's contribution: one box each, blank for a member who does not fund the tender. */
export function fundingFields(ctx: Pick<DraftCtx, 'funders'>): FormFields {
  return {
    poolId: { label: 'Pool', as: 'choice', missing: 'Select the pool the money comes from' },
    funders: { label: 'Contributions', as: 'list', missing: 'Enter at least one member’s contribution' },
    ...Object.fromEntries(
      ctx.funders.map((f, i) => [`funders.${i}.amount`, { label: `Contribution from ${f.name}`, as: 'pounds' as const, optional: true }]),
    ),
  };
}

/** What the member has to give, pool by pool: its core money not yet committed or reserved. */
const availableHint = (ctx: DraftCtx, orgId: string) =>
  ctx.pools
    .map(
      (p) =>
        `${pounds(ctx.coreAvailable.get(p.id)?.get(orgId) ?? 0)} of core money available${ctx.pools.length > 1 ? ` in ${p.name}` : ''}`,
    )
    .join('; ') + '.';

export function fundingQuestion(ctx: Pick<DraftCtx, 'funders'>): Q {
  return {
    id: 'funding',
    task: 'Funding from the pool',
    heading: 'Who pays for it, from which pool?',
    fields: fundingFields(ctx),
    body: ({ ctx, typed, errors }) => (
      <>
        <ListError id="funders" errors={errors} />
        <Radios
          name="poolId"
          legend="Pool"
          options={ctx.pools.map((p) => ({ value: p.id, label: p.name }))}
          value={value(typed, 'poolId')}
          errors={errors}
        />
        <h2 class="govuk-heading-m">Contributions</h2>
        <p class="govuk-body">
          What each member puts in from its money in the pool. Together they must come to the value of the lots. Each member is asked to
          sign off its contribution; it is reserved in the pool only when the tender is published. Leave a member blank if it does not fund
          the tender.
        </p>
        {ctx.funders.map((f, i) => (
          <PoundsInput
            name={`funders.${i}.amount`}
            label={`Contribution from ${f.name}`}
            hint={availableHint(ctx, f.orgId)}
            typed={typed}
            errors={errors}
          />
        ))}
      </>
    ),
  };
}

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
