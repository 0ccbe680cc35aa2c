import type { Caller } from '../../shared/consortia/caller';
import { workflows } from '../../shared/platform/aws/workflows';
import { poolsTable } from '../../shared/pools/aws';
import { closeRound, leadDecision, vote } from '../../shared/pools/rounds';
import { chosenForm, type FormAction, type PostedForm, submitForm } from '../lib/web/form';
import type { FieldError } from '../lib/web/govuk';
import * as z from '../lib/zod';
import { leadDecisionBody, newVote } from './schemas';

const deps = { ...poolsTable, workflows };

/** The round page's forms, as the page asks for them (round-page.tsx shows these labels, names and ids). */
export const voteForm: FormAction<typeof newVote> = {
  schema: newVote,
  fields: {
    decision: { label: "Your organisation's vote", as: 'choice', missing: 'Select approve or reject' },
    // The page labels it "Comment (optional)"; an error about its length reads better without the marker.
    comment: { label: 'Comment', optional: true },
  },
  formId: 'vote',
};

export const leadDecisionForm: FormAction<typeof leadDecisionBody> = {
  schema: leadDecisionBody,
  fields: {
    decision: { label: 'Decide for the consortium (voting timed out)', as: 'choice', missing: 'Select approve or reject' },
  },
  formId: 'lead-decision',
};

/** Closing takes no answers (the JSON route has no body): the form is only the lead's say-so, and a refusal shows against it. */
const closeForm: FormAction<z.ZodMiniObject<Record<string, never>>> = {
  schema: z.strictObject({}),
  fields: {},
  formId: 'close',
};

type Outcome = { done: string } | { errors: FieldError[] };

/** Each form by its hidden `action`: decoded into the schema its JSON route parses with, then the same use case. */
const actions: Record<string, (caller: Caller, roundId: string, form: PostedForm) => Promise<Outcome>> = {
  vote: async (caller, roundId, form) => {
    const r = await submitForm(form, voteForm, (input) => vote(deps, caller, roundId, input));
    return r.errors ? { errors: r.errors } : { done: 'voted' };
  },
  close: async (caller, roundId, form) => {
    const r = await submitForm(form, closeForm, () => closeRound(deps, caller, roundId));
    return r.errors ? { errors: r.errors } : { done: 'closed' };
  },
  'lead-decision': async (caller, roundId, form) => {
    const r = await submitForm(form, leadDecisionForm, (input) => leadDecision(deps, caller, roundId, input));
    return r.errors ? { errors: r.errors } : { done: 'decided' };
  },
};

/** Runs the posted form; a form the page does not have is refused whole (400). Call it once the caller may read the round. */
export const runRoundAction = (caller: Caller, roundId: string, form: PostedForm) => chosenForm(form, actions)(caller, roundId, form);

export const doneMessages: Record<string, string> = {
  voted: 'Your vote has been recorded.',
  decided: 'Your decision has been recorded.',
  closed: 'The round is closed and voting has started: the voting members are being emailed.',
};
