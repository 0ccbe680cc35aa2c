import type { Caller } from '../../shared/consortia/caller';
import { workflows } from '../../shared/platform/aws/workflows';
import { DomainError } from '../../shared/platform/errors';
import { voteOnAward } from '../../shared/tenders/award';
import { tendersTable } from '../../shared/tenders/aws';
import { completeEvaluation, declareConflict, moderate, scoreBid } from '../../shared/tenders/evaluation';
import { answerQuestion } from '../../shared/tenders/providers';
import { signOff } from '../../shared/tenders/sign-off';
import type { Tender } from '../../shared/tenders/tender';
import type { FieldError } from '../lib/web/govuk';
import { scoreBody } from './schemas';

type Form = Record<string, string>;
type Outcome = { done: string } | { errors: FieldError[] };

// No mail client here: what a form changes is mailed by functions that follow its event (an answer, for one).
const deps = { ...tendersTable, workflows };

/** A whole number from 0 to 100, or the error naming the field. */
function score(form: Form, field: string, label: string, errors: FieldError[]): number {
  const raw = (form[field] ?? '').trim();
  const n = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 0 && n <= 100)) errors.push({ field, message: `${label}: enter a whole number from 0 to 100` });
  return n;
}

function required(form: Form, field: string, message: string, errors: FieldError[]): string {
  const v = (form[field] ?? '').trim();
  if (!v) errors.push({ field, message });
  return v;
}

/** Each form on the tender page, by its `action`: read the fields, check them, run the same use case as the API. */
const actions: Record<string, (caller: Caller, t: Tender, form: Form) => Promise<Outcome>> = {
  'sign-off': async (caller, t, form) => {
    const decision = form.decision;
    if (decision !== 'approve' && decision !== 'refuse') return { errors: [{ field: 'decision', message: 'Select approve or refuse' }] };
    await signOff(deps, caller, t.id, { decision, reason: form.reason?.trim() || undefined });
    return { done: decision === 'approve' ? 'approved' : 'refused' };
  },
  answer: async (caller, t, form) => {
    const questionId = form.question ?? '';
    const errors: FieldError[] = [];
    const answer = required(form, `answer-${questionId}`, 'Write the answer', errors);
    if (errors.length) return { errors };
    await answerQuestion(deps, caller, t.id, questionId, { answer });
    return { done: 'answered' };
  },
  conflict: async (caller, t, form) => {
    await declareConflict(deps, caller, t.id, { bidId: form.bid ?? '' });
    return { done: 'conflict' };
  },
  score: async (caller, t, form) => {
    const bidId = form.bid ?? '';
    const errors: FieldError[] = [];
    const quality = t.criteria.filter((c) => c.kind === 'quality');
    const scores = Object.fromEntries(quality.map((c) => [c.id, score(form, `score-${bidId}-${c.id}`, c.title, errors)]));
    const reasons = Object.fromEntries(quality.map((c) => [c.id, (form[`reason-${bidId}-${c.id}`] ?? '').trim()]));
    for (const c of quality) {
      const reason = reasons[c.id] ?? '';
      if (!reason || reason.length > 5000)
        errors.push({
          field: `reason-${bidId}-${c.id}`,
          message: `${c.title}: ${reason ? 'the reason must be 5,000 characters or fewer' : 'give the reason for your score; the bidder is sent it'}`,
        });
    }
    if (errors.length) return { errors };
    // The same schema as POST /tenders/{tenderId}/scores.
    await scoreBid(deps, caller, t.id, scoreBody.parse({ bidId, scores, reasons }));
    return { done: 'scored' };
  },
  moderate: async (caller, t, form) => {
    const errors: FieldError[] = [];
    const bidId = required(form, 'mod-bid', 'Select the bid', errors);
    const criterionId = required(form, 'mod-criterion', 'Select the criterion', errors);
    const s = score(form, 'mod-score', 'Moderated score', errors);
    const reason = required(form, 'mod-reason', 'Record why the panel moderated the score', errors);
    if (errors.length) return { errors };
    await moderate(deps, caller, t.id, { bidId, criterionId, score: s, reason });
    return { done: 'moderated' };
  },
  'complete-evaluation': async (caller, t) => {
    await completeEvaluation(deps, caller, t.id);
    return { done: 'evaluated' };
  },
  'award-vote': async (caller, t, form) => {
    const decision = form.vote;
    if (decision !== 'approve' && decision !== 'reject') return { errors: [{ field: 'vote', message: 'Select approve or reject' }] };
    await voteOnAward(deps, caller, t.id, { decision });
    return { done: 'voted' };
  },
};

/** Runs the posted form; a rule the use case enforces (a field's validation) comes back as that field's error. */
export async function runAction(caller: Caller, tender: Tender, form: Form): Promise<Outcome> {
  // Own keys only: `__proto__` or `toString` is an unknown action, not Object's.
  const action = Object.hasOwn(actions, form.action ?? '') ? actions[form.action ?? ''] : undefined;
  if (!action) throw new DomainError('validation', `unknown form action "${form.action ?? ''}"`);
  try {
    return await action(caller, tender, form);
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'validation' || !error.issues?.length) throw error;
    const field = (f: string) => (f === 'reason' && form.action === 'sign-off' ? 'reason' : f);
    return { errors: error.issues.map((i) => ({ field: field(i.field), message: i.message })) };
  }
}

export const doneMessages: Record<string, string> = {
  approved: 'Your organisation approved the specification and its contribution.',
  refused: 'Your refusal has been recorded; the tender goes back to the lead.',
  answered: 'The answer is recorded and is being sent to every registered provider, without naming who asked.',
  conflict: 'Your conflict of interest is recorded: your scores for that bid will not count.',
  scored: 'Your scores are recorded.',
  moderated: 'The moderated score and its reason are recorded.',
  evaluated: 'Evaluation is complete; the funders are asked to approve the award.',
  voted: 'Your vote on the award is recorded.',
};
