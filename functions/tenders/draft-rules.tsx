import { DomainError } from '../../shared/platform/errors';
import { checkCriteria, checkDates, issuesOf } from '../../shared/tenders/tender';
import { decodeForm, type FormFields, lengthHint, type PostedForm, refusal } from '../lib/web/form';
import type { FieldError } from '../lib/web/govuk';
import { ListError } from '../lib/web/inputs';
import type { Question } from '../lib/web/journey';
import * as z from '../lib/zod';
import type { DraftCtx } from './draft-context';
import { criterionKinds, labelOf } from './draft-parts';
import { criterion, newTender } from './schemas';

/**
 * The tasks of drafting a tender whose answers have rules of the use case's own beyond the
 * schema: the criteria's weights adding up to 100, the key dates in order and in the future.
 * Each is checked with the domain's own function on the question's answers alone (`verify`), so
 * a refusal shows on the page that asks.
 */
type Q = Question<DraftCtx>;
type Adapt = (input: Record<string, unknown>) => Record<string, unknown>;

const s = newTender.shape;

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
    body: ({ errors, item }) => (
      <>
        <ListError id="criteria" errors={errors} />
        <p class="govuk-body">
          Every lot is scored on the same criteria: at least one of quality, and price at most once. Their weights are whole percentages and
          must add up to 100% for each lot.
        </p>
        <item.Text
          name="title"
          label="Criterion"
          hint={`For example, local knowledge and relationships. ${lengthHint(criterion.shape.title)}`}
        />
        <item.Choice name="kind" legend="Quality or price" options={criterionKinds} />
        <item.Whole name="weight" label="Weight" hint="A whole percentage, from 1 to 100." width="3" />
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
    body: ({ field }) => (
      <>
        <p class="govuk-body">Each is a day and a time on the London clock (24-hour: 17 00 for 5pm), in this order, all in the future.</p>
        {keyDates.map((d) => (
          <field.Moment name={`dates.${d.key}`} legend={d.label} hint={`${d.hint} For example, 27 3 2027 12 00.`} />
        ))}
      </>
    ),
  };
}
