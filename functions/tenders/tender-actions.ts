import type { Caller } from '../../shared/consortia/caller';
import { workflows } from '../../shared/platform/aws/workflows';
import { voteOnAward } from '../../shared/tenders/award';
import { tendersTable } from '../../shared/tenders/aws';
import { completeEvaluation, declareConflict, moderate, scoreBid } from '../../shared/tenders/evaluation';
import { answerQuestion } from '../../shared/tenders/providers';
import { signOff } from '../../shared/tenders/sign-off';
import type { Tender } from '../../shared/tenders/tender';
import { id } from '../lib/schemas';
import { chosenForm, decodeForm, type FormFields, type PostedForm, refusal } from '../lib/web/form';
import type { FieldError } from '../lib/web/govuk';
import * as z from '../lib/zod';
import { draftActions, draftDoneMessages } from './draft-actions';
import { answerBody, awardVoteBody, conflictBody, moderationBody, scoreBody, signOffBody } from './schemas';

type Outcome = { done: string } | { errors: FieldError[] };

// No mail client here: what a form changes is mailed by functions that follow its event (an answer, for one).
const deps = { ...tendersTable, workflows };

/**
 * Each form on the tender page, by its `action`: decoded by the shared decoder into the same
 * schema as its JSON route, then the same use case. The field names and labels are the page's
 * (tender-view.tsx, evaluation-section.tsx); a refusal comes back against its field.
 */
type Action = (caller: Caller, t: Tender, form: PostedForm) => Promise<Outcome>;

/** Decodes, runs the use case, and maps its refusal to the form's fields. */
async function run<S extends z.ZodMiniType>(
  form: PostedForm,
  schema: S,
  fields: FormFields,
  fixed: Record<string, unknown>,
  formId: string,
  useCase: (input: z.infer<S>) => Promise<unknown>,
  done: (input: z.infer<S>) => string,
): Promise<Outcome> {
  const decoded = decodeForm(schema, fields, form, fixed);
  if (decoded.errors) return { errors: decoded.errors };
  try {
    await useCase(decoded.value);
    return { done: done(decoded.value) };
  } catch (error) {
    return { errors: refusal(error, fields, formId) };
  }
}

const bidField = { bidId: { label: 'Bid', name: 'bid' } };
const hiddenBid = z.strictObject({ bidId: conflictBody.shape.bidId });

export const signOffFields: FormFields = {
  decision: { label: 'Your decision', as: 'choice', missing: 'Select approve or refuse' },
  reason: { label: 'Reason (needed to refuse)', optional: true },
};

export const moderationFields: FormFields = {
  bidId: { label: 'Bid', name: 'mod-bid', as: 'choice', missing: 'Select the bid' },
  criterionId: { label: 'Criterion', name: 'mod-criterion', as: 'choice', missing: 'Select the criterion' },
  score: { label: 'Moderated score', name: 'mod-score', as: 'whole' },
  reason: { label: 'Why the panel moderated it', name: 'mod-reason', missing: 'Record why the panel moderated the score' },
};

/** The score form's fields for one bid: a score and a reason per quality criterion, named as the page names them. */
export function scoreFields(t: Pick<Tender, 'criteria'>, bidId: string): FormFields {
  return Object.fromEntries(
    t.criteria
      .filter((c) => c.kind === 'quality')
      .flatMap((c) => [
        [`scores.${c.id}`, { label: `${c.title}: your score (0 to 100)`, name: `score-${bidId}-${c.id}`, as: 'whole' as const }],
        [
          `reasons.${c.id}`,
          {
            label: `${c.title}: why you gave this score`,
            name: `reason-${bidId}-${c.id}`,
            missing: `${c.title}: give the reason for your score; the bidder is sent it`,
          },
        ],
      ]),
  );
}

/** The answer form of question `q`. */
export const answerFields = (q: string): FormFields => ({
  answer: { label: 'Your answer', name: `answer-${q}`, missing: 'Write the answer' },
});

export const awardVoteFields: FormFields = {
  decision: { label: "Your organisation's vote", name: 'vote', as: 'choice', missing: 'Select approve or reject' },
};

const actions: Record<string, Action> = {
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
  conflict: async (caller, t, form) => {
    const which = decodeForm(hiddenBid, bidField, form);
    if (which.errors) return { errors: which.errors };
    const formId = `conflict-${which.value.bidId}`;
    return run(
      form,
      hiddenBid,
      bidField,
      {},
      formId,
      (i) => declareConflict(deps, caller, t.id, i),
      () => 'conflict',
    );
  },
  score: async (caller, t, form) => {
    const which = decodeForm(hiddenBid, bidField, form);
    if (which.errors) return { errors: which.errors };
    const { bidId } = which.value;
    return run(
      form,
      scoreBody,
      scoreFields(t, bidId),
      { bidId },
      `score-${bidId}`,
      (i) => scoreBid(deps, caller, t.id, i),
      () => 'scored',
    );
  },
  moderate: (caller, t, form) =>
    run(
      form,
      moderationBody,
      moderationFields,
      {},
      'mod-bid',
      (i) => moderate(deps, caller, t.id, i),
      () => 'moderated',
    ),
  'complete-evaluation': (caller, t, form) =>
    run(
      form,
      z.strictObject({}),
      {},
      {},
      'complete-evaluation',
      () => completeEvaluation(deps, caller, t.id),
      () => 'evaluated',
    ),
  'award-vote': (caller, t, form) =>
    run(
      form,
      awardVoteBody,
      awardVoteFields,
      {},
      'award-vote',
      (i) => voteOnAward(deps, caller, t.id, i),
      () => 'voted',
    ),
};

/** Runs the posted form's action; an unknown action is refused whole, as a form no page has. */
export async function runAction(caller: Caller, tender: Tender, form: PostedForm): Promise<Outcome> {
  return chosenForm(form, actions)(caller, tender, form);
}

export const doneMessages: Record<string, string> = {
  ...draftDoneMessages,
  approved: 'Your organisation approved the specification and its contribution.',
  refused: 'Your refusal has been recorded; the tender goes back to the lead.',
  answered: 'The answer is recorded and is being sent to every registered provider, without naming who asked.',
  conflict: 'Your conflict of interest is recorded: your scores for that bid will not count.',
  scored: 'Your scores are recorded.',
  moderated: 'The moderated score and its reason are recorded.',
  evaluated: 'Evaluation is complete; the funders are asked to approve the award.',
  voted: 'Your vote on the award is recorded.',
};
