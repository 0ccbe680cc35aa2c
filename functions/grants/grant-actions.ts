import type { Caller } from '../../shared/consortia/caller';
import { grantsTable } from '../../shared/grants/aws';
import { sendNewConditionLink } from '../../shared/grants/condition-new-link';
import { decide } from '../../shared/grants/conditions';
import { workflows } from '../../shared/platform/aws/workflows';
import { DomainError } from '../../shared/platform/errors';
import { chosenForm, decodeForm, type FormAction, type PostedForm, submitForm } from '../lib/web/form';
import type { FieldError } from '../lib/web/govuk';
import * as z from '../lib/zod';
import { conditionDecision, conditionPath } from './schemas';

const deps = { ...grantsTable, workflows };

/**
 * One condition's decide form, as grant-page.tsx shows it: each condition has its own form, so
 * its fields carry the condition's id in their names (the JSON route has it in the path instead).
 */
export const decideForm = (conditionId: string): FormAction<typeof conditionDecision> => ({
  schema: conditionDecision,
  fields: {
    outcome: { label: 'Decide this condition', name: `outcome-${conditionId}`, as: 'choice', missing: 'Select met, waived or not met' },
    reason: { label: 'Reason', name: `reason-${conditionId}`, optional: true },
  },
  formId: `decide-${conditionId}`,
});

// The hidden fields naming the condition (checked as the JSON route checks the path's) and the
// form; the decide form predates `action` and posts none.
const which = z.strictObject({ condition: conditionPath.shape.conditionId, action: z.optional(z.string()) });

/** A condition's "send a new link" form: a button only (the JSON route has no body either). */
const newLinkForm = (conditionId: string): FormAction<typeof noFields> => ({
  schema: noFields,
  fields: {},
  formId: `new-link-${conditionId}`,
});
const noFields = z.strictObject({});

type Outcome = Promise<{ done: string } | { errors: FieldError[] }>;
type Run = (caller: Caller, grantId: string, condition: string, form: PostedForm) => Outcome;

/** Each form beside a condition, by its `action`; the decide form predates `action` and posts none. */
const actions: Record<string, Run> = {
  async decide(caller, grantId, condition, form) {
    const r = await submitForm(form, decideForm(condition), (input) => decide(deps, caller, grantId, condition, input));
    return r.errors ? { errors: r.errors } : { done: r.value.status };
  },
  async 'new-link'(caller, grantId, condition, form) {
    const r = await submitForm(form, newLinkForm(condition), () => sendNewConditionLink(deps, caller, grantId, condition));
    return r.errors ? { errors: r.errors } : { done: 'new-link' };
  },
};

/** The grant page's forms: which condition (hidden) and which form, decoded into the API's schema and run by the same use case. */
export async function runConditionForm(caller: Caller, grantId: string, form: PostedForm): Outcome {
  const picked = decodeForm(which, { condition: { label: 'Condition' }, action: { label: 'Form', optional: true } }, form);
  // No page shows a form without a condition: refused whole, as a form the page does not have.
  if (picked.errors) throw new DomainError('validation', 'this page has no such form');
  const run = chosenForm({ action: picked.value.action ?? 'decide' }, actions);
  return run(caller, grantId, picked.value.condition, form);
}
