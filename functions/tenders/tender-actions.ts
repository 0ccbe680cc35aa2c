import type { Caller } from '../../shared/consortia/caller';
import { workflows } from '../../shared/platform/aws/workflows';
import { tendersTable } from '../../shared/tenders/aws';
import { answerQuestion, inviteProvider } from '../../shared/tenders/providers';
import { signOff } from '../../shared/tenders/sign-off';
import type { Tender } from '../../shared/tenders/tender';
import { id } from '../lib/schemas';
import { chosenForm, decodeForm, type FormFields, type PostedForm, refusal } from '../lib/web/form';
import type { FieldError } from '../lib/web/govuk';
import * as z from '../lib/zod';
import { draftActions, draftDoneMessages } from './draft-actions';
import { answerBody, providerBody, signOffBody } from './schemas';

type Outcome = { done: string } | { errors: FieldError[] };

// No mail client here: what a form changes is mailed by functions that follow its event (an answer, an invitation).
export const deps = { ...tendersTable, workflows };

/**
 * Each form on a tender's pages, by its `action`: decoded by the shared decoder into the same
 * schema as its JSON route, then the same use case. The field names and labels are the page's
 * (tender-view.tsx, clarifications-section.tsx, evaluation-section.tsx, award-section.tsx); a
 * refusal comes back against its field. Each page has its own forms: another page's is refused.
 */
export type Action = (caller: Caller, t: Tender, form: PostedForm) => Promise<Outcome>;

/** Decodes, runs the use case, and maps its refusal to the form's fields. */
export async function run<S extends z.ZodMiniType, R>(
  form: PostedForm,
  schema: S,
  fields: FormFields,
  fixed: Record<string, unknown>,
  formId: string,
  useCase: (input: z.infer<S>) => Promise<R>,
  done: (input: z.infer<S>, result: R) => string,
): Promise<Outcome> {
  const decoded = decodeForm(schema, fields, form, fixed);
  if (decoded.errors) return { errors: decoded.errors };
  try {
    const result = await useCase(decoded.value);
    return { done: done(decoded.value, result) };
  } catch (error) {
    return { errors: refusal(error, fields, formId) };
  }
}

/** Runs the posted form's action; an unknown action is refused whole, as a form no page has. */
export async function runAction(actions: Record<string, Action>, caller: Caller, tender: Tender, form: PostedForm): Promise<Outcome> {
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
  if (chosen === NEW_PROVIDER) return run(form, providerBody, newProviderFields, {}, 'invite', useCase, done);
  const org = await deps.consortia.getOrganisation(chosen);
  if (org?.kind !== 'provider') return { errors: [{ field: 'provider', message: 'Select a provider from the list' }] };
  const fixed = { orgName: org.name, email: org.contactEmail, identifier: org.identifier };
  return run(form, providerBody, {}, fixed, 'invite', useCase, done);
};

/** The overview's forms: a funder's sign-off, and inviting a provider. */
export const overviewActions: Record<string, Action> = {
  ...draftActions,
  'sign-off': (caller, t, form) =>
    run(
      form,
      signOffBody,
      signOffFields,
      {},
      'sign-off',
      (input) => signOff(deps, caller, t.id, input),
      (i) => (i.decision === 'approve' ? 'approved' : 'refused'),
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
  answer: async (caller, t, form) => {
    const which = decodeForm(z.strictObject({ question: id }), { question: { label: 'Question' } }, form);
    if (which.errors) return { errors: which.errors };
    const questionId = which.value.question;
    return run(
      form,
      answerBody,
      answerFields(questionId),
      {},
      `answer-${questionId}`,
      (i) => answerQuestion(deps, caller, t.id, questionId, i),
      () => 'answered',
    );
  },
};

export const clarificationsDone: Record<string, string> = {
  answered: 'The answer is recorded and is being sent to every registered provider, without naming who asked.',
};
