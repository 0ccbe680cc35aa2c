import * as z from '../zod';
import { decodeForm, type FormAction, type PostedForm, submitForm } from './form';
import type { FieldError } from './govuk';

/** What a page's form comes to: done (a name the page turns into its message), or refused by field. */
export type FormOutcome = { done: string } | { errors: FieldError[] };

/** `submitForm`, as the page's outcome: `done` names what happened from the input and the use case's answer. */
export async function formOutcome<S extends z.ZodMiniType, R>(
  form: PostedForm,
  action: FormAction<S>,
  useCase: (input: z.infer<S>) => Promise<R>,
  done: (input: z.infer<S>, result: R) => string,
): Promise<FormOutcome> {
  const submitted = await submitForm(form, action, async (input) => done(input, await useCase(input)));
  return submitted.errors ? { errors: submitted.errors } : { done: submitted.value };
}

/** The hidden field naming the record a form is about (`milestone`, `question`), checked with the route's own path schema. */
export interface Which {
  name: string;
  label: string;
  schema: z.ZodMiniType<string>;
}

/**
 * Which record (a milestone, a question, a bid) a page form is about, from its hidden field: the
 * names of the form's other fields carry it (`status-M1`).
 */
export function recordOf(form: PostedForm, { name, label, schema }: Which) {
  const which = decodeForm(z.strictObject({ id: schema }), { id: { label, name } }, form);
  return which.errors ? { errors: which.errors } : { id: which.value.id };
}

/**
 * A form about one record of the page's subject (a contract's milestone, a tender's question):
 * the record from its hidden field, then the form `action` makes for it (fields and form id carry
 * the record's id; the subject may shape them), its use case, and what is done.
 */
export const recordForm =
  <Caller, Subject, S extends z.ZodMiniType, R>(
    which: Which,
    action: (recordId: string, subject: Subject) => FormAction<S>,
    useCase: (caller: Caller, subject: Subject, recordId: string, input: z.infer<S>) => Promise<R>,
    done: (input: z.infer<S>, result: R) => string,
  ) =>
  async (caller: Caller, subject: Subject, form: PostedForm): Promise<FormOutcome> => {
    const record = recordOf(form, which);
    if (record.errors) return record;
    return formOutcome(form, action(record.id, subject), (input) => useCase(caller, subject, record.id, input), done);
  };
