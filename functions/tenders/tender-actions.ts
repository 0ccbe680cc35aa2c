import type { Caller } from '../../shared/consortia/caller';
import { answerQuestion, inviteProvider } from '../../shared/tenders/providers';
import { signOff } from '../../shared/tenders/sign-off';
import type { Tender } from '../../shared/tenders/tender';
import { id } from '../lib/schemas';
import { chosenForm, decodeForm, type FormFields, type PostedForm } from '../lib/web/form';
import { type FormOutcome, formOutcome, recordForm } from '../lib/web/form-actions';
import * as z from '../lib/zod';
import { draftActions, draftDoneMessages } from './draft-actions';
import { answerBody, providerBody, signOffBody } from './schemas';
import { type Action, deps, tenderForm } from './tender-form';

export type { Action };

/** Runs the posted form's action; an unknown action is refused whole, as a form no page has. */
export async function runAction(actions: Record<string, Action>, caller: Caller, tender: Tender, form: PostedForm): Promise<FormOutcome> {
  return chosenForm(form, actions)(caller, tender, form);
}

export const signOffFields: FormFields = {
  decision: { label: 'Your decision', as: 'choice', missing: 'Select approve or refuse' },
  reason: { label: 'Reason (needed to refuse)', optional: true },
};

/** The answer form of question `q`. */
export const answerFields = (q: string): FormFields => ({
  answer: { label: 'Your answer', name: `answer-${q}`, missing: 'Write the answer' },
});

/** The radio for a provider not on grantloop: its name and email are asked beside it. */
export const NEW_PROVIDER = 'new';
const providerChoice = z.strictObject({ provider: z.union([id, z.literal(NEW_PROVIDER)]) });
const providerChoiceFields: FormFields = {
  provider: { label: 'Provider', as: 'choice', missing: 'Select a provider, or choose to add one that is not listed' },
};

/** A provider added on the way: the invitation's own fields (providerBody), as the page labels them. */
export const newProviderFields: FormFields = {
  orgName: { label: "Provider's name", missing: "Enter the provider's name" },
  email: { label: "Provider's email address", missing: "Enter the provider's email address" },
  identifier: { label: "Provider's org-id (optional)", optional: true },
};

/**
 * Inviting a provider: one chosen from the providers on grantloop (its name, email and org-id
 * are the organisation's), or one not listed, typed in. Either way the same input and use case
 * as the JSON route.
 */
const invite: Action = async (caller, t, form) => {
  const which = decodeForm(providerChoice, providerChoiceFields, form);
  if (which.errors) return { errors: which.errors };
  const useCase = (i: z.infer<typeof providerBody>) => inviteProvider(deps, caller, t.id, i);
  const done = (_i: unknown, r: { alreadyRegistered: boolean }) => (r.alreadyRegistered ? 'already-registered' : 'invited');
  const chosen = which.value.provider;
  if (chosen === NEW_PROVIDER)
    return formOutcome(form, { schema: providerBody, fields: newProviderFields, formId: 'invite' }, useCase, done);
  const org = await deps.consortia.getOrganisation(chosen);
  if (org?.kind !== 'provider') return { errors: [{ field: 'provider', message: 'Select a provider from the list' }] };
  const fixed = { orgName: org.name, email: org.contactEmail, identifier: org.identifier };
  return formOutcome(form, { schema: providerBody, fields: {}, formId: 'invite', fixed }, useCase, done);
};

/** The overview's forms: a funder's sign-off, and inviting a provider. */
export const overviewActions: Record<string, Action> = {
  ...draftActions,
  'sign-off': tenderForm({ schema: signOffBody, fields: signOffFields, formId: 'sign-off' }, signOff, (i) =>
    i.decision === 'approve' ? 'approved' : 'refused',
  ),
  invite,
};

export const overviewDone: Record<string, string> = {
  ...draftDoneMessages,
  approved: 'Your organisation approved the specification and its contribution.',
  refused: 'Your refusal has been recorded; the tender goes back to the lead.',
  invited: 'The provider is invited: its links to bid and to ask questions are on their way to it by email.',
  cancelled: 'The tender is cancelled: its reserved money is back in the pool, and funders and providers are being told why.',
  'already-registered': 'That provider has already registered interest (the email address is known): it has its links already.',
};

/** The clarifications page's form: the lead's answer to one question. */
export const clarificationActions: Record<string, Action> = {
  answer: recordForm(
    { name: 'question', label: 'Question', schema: id },
    (q) => ({ schema: answerBody, fields: answerFields(q), formId: `answer-${q}` }),
    (caller, t, q, input) => answerQuestion(deps, caller, t.id, q, input),
    () => 'answered',
  ),
};

export const clarificationsDone: Record<string, string> = {
  answered: 'The answer is recorded and is being sent to every registered provider, without naming who asked.',
};
