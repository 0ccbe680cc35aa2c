import { completeEvaluation, declareConflict, moderate, scoreBid } from '../../shared/tenders/evaluation';
import type { Tender } from '../../shared/tenders/tender';
import type { FormFields } from '../lib/web/form';
import { recordForm, type Which } from '../lib/web/form-actions';
import * as z from '../lib/zod';
import { conflictBody, moderationBody, scoreBody } from './schemas';
import { type Action, deps, tenderForm } from './tender-form';

/** The bids and evaluation page's forms (evaluation-section.tsx): the panel's scores and conflicts, the lead's moderation and completion. */

const bidField = { bidId: { label: 'Bid', name: 'bid' } };
const hiddenBid = z.strictObject({ bidId: conflictBody.shape.bidId });
const bid: Which = { name: 'bid', label: 'Bid', schema: hiddenBid.shape.bidId };

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

export const evaluationActions: Record<string, Action> = {
  conflict: recordForm(
    bid,
    (b) => ({ schema: hiddenBid, fields: bidField, formId: `conflict-${b}` }),
    (caller, t, _b, i) => declareConflict(deps, caller, t.id, i),
    () => 'conflict',
  ),
  score: recordForm(
    bid,
    (b, t) => ({ schema: scoreBody, fields: scoreFields(t, b), formId: `score-${b}`, fixed: { bidId: b } }),
    (caller, t, _b, i) => scoreBid(deps, caller, t.id, i),
    () => 'scored',
  ),
  moderate: tenderForm({ schema: moderationBody, fields: moderationFields, formId: 'mod-bid' }, moderate, () => 'moderated'),
  'complete-evaluation': tenderForm(
    { schema: z.strictObject({}), fields: {}, formId: 'complete-evaluation' },
    completeEvaluation,
    () => 'evaluated',
  ),
};

export const evaluationDone: Record<string, string> = {
  conflict: 'Your conflict of interest is recorded: your scores for that bid will not count.',
  scored: 'Your scores are recorded.',
  moderated: 'The moderated score and its reason are recorded.',
  evaluated: 'Evaluation is complete; the funders are asked to approve the award.',
};
