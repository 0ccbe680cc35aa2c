import { decodeForm, type FormFields, type PostedForm, refusal } from '../lib/web/form';
import type { FieldError } from '../lib/web/govuk';
import type * as z from '../lib/zod';

/**
 * A publishing page's form into its route's schema, then its use case: `adapt` turns what the
 * page posts into what the schema takes ("yes" into true, the chosen areas into a list without
 * gaps) before the schema checks it, so the page and PUT read the same rules. Gives the errors to
 * show, each named by its label, or nothing once saved.
 */
export async function saveForm<S extends z.ZodMiniType>(
  posted: PostedForm,
  action: { schema: S; fields: FormFields; formId: string; adapt: (input: Record<string, unknown>) => Record<string, unknown> },
  useCase: (input: z.infer<S>) => Promise<unknown>,
): Promise<FieldError[]> {
  const decoded = decodeForm(action.schema, action.fields, posted, {}, action.adapt);
  if (decoded.errors) return decoded.errors;
  try {
    await useCase(decoded.value);
    return [];
  } catch (error) {
    return refusal(error, action.fields, action.formId);
  }
}

/** Whether a checkbox of its own name shows ticked, from what was typed (or what the form starts with). */
export const ticked = (typed: PostedForm, name: string) => [typed[name]].flat().some((v) => v === 'yes');
