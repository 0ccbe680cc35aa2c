import type { Caller } from '../../shared/consortia/caller';
import { grantsTable } from '../../shared/grants/aws';
import { decide } from '../../shared/grants/conditions';
import { workflows } from '../../shared/platform/aws/workflows';
import { DomainError } from '../../shared/platform/errors';
import { decodeForm, type FormAction, type PostedForm, submitForm } from '../lib/web/form';
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

// The hidden field naming the condition: checked as the JSON route checks the path's.
const which = z.strictObject({ condition: conditionPath.shape.conditionId });

/** The grant page's one form: which condition (hidden), then its decision, decoded into the API's schema and decided by the same use case. */
export async function runDecide(caller: Caller, grantId: string, form: PostedForm): Promise<{ done: string } | { errors: FieldError[] }> {
  const picked = decodeForm(which, { condition: { label: 'Condition' } }, form);
  // No page shows a form without a condition: refused whole, as a form the page does not have.
  if (picked.errors) throw new DomainError('validation', 'this page has no such form');
  const r = await submitForm(form, decideForm(picked.value.condition), (input) =>
    decide(deps, caller, grantId, picked.value.condition, input),
  );
  return r.errors ? { errors: r.errors } : { done: r.value.status };
}
