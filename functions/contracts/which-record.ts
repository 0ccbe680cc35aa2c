import { decodeForm, type PostedForm } from '../lib/web/form';
import * as z from '../lib/zod';

/**
 * Which milestone, KPI or payment a contract page form is about, from its hidden field, decoded
 * with the route's own path schema: the names of the form's other fields carry it (`status-M1`).
 */
export function recordOf(form: PostedForm, name: string, label: string, schema: z.ZodMiniType<string>) {
  const which = decodeForm(z.strictObject({ id: schema }), { id: { label, name } }, form);
  return which.errors ? { errors: which.errors } : { id: which.value.id };
}
