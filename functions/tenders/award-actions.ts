import { recordChallenge, resolveChallenge, voteOnAward } from '../../shared/tenders/award';
import { id } from '../lib/schemas';
import type { FormFields } from '../lib/web/form';
import { recordForm } from '../lib/web/form-actions';
import { awardVoteBody, challengeBody, resolutionBody } from './schemas';
import { type Action, deps, tenderForm } from './tender-form';

/** The award page's forms (award-section.tsx): a funder's vote, and the lead recording and resolving challenges. */

export const awardVoteFields: FormFields = {
  decision: { label: "Your organisation's vote", name: 'vote', as: 'choice', missing: 'Select approve or reject' },
};

export const challengeFields: FormFields = {
  lotId: { label: 'Lot challenged', name: 'challenge-lot', as: 'choice', missing: 'Select the lot that is challenged' },
  grounds: { label: 'Grounds of the challenge', name: 'challenge-grounds', missing: 'Enter the grounds of the challenge' },
};

/** The resolution form of challenge `c`. */
export const resolutionFields = (c: string): FormFields => ({
  outcome: { label: 'Outcome', name: `outcome-${c}`, as: 'choice', missing: 'Select dismissed or upheld' },
  resolution: { label: 'How it was resolved', name: `resolution-${c}`, missing: 'Enter how the challenge was resolved' },
});

export const awardActions: Record<string, Action> = {
  'award-vote': tenderForm({ schema: awardVoteBody, fields: awardVoteFields, formId: 'award-vote' }, voteOnAward, () => 'voted'),
  challenge: tenderForm({ schema: challengeBody, fields: challengeFields, formId: 'challenge' }, recordChallenge, () => 'challenged'),
  resolve: recordForm(
    { name: 'challenge', label: 'Challenge', schema: id },
    (c) => ({ schema: resolutionBody, fields: resolutionFields(c), formId: `resolve-${c}` }),
    (caller, t, c, i) => resolveChallenge(deps, caller, t.id, c, i),
    (i) => (i.outcome === 'upheld' ? 'upheld' : 'dismissed'),
  ),
};

export const awardDone: Record<string, string> = {
  voted: 'Your vote on the award is recorded.',
  challenged: "The challenge is recorded: that lot's award waits until it is resolved.",
  dismissed: 'The challenge is dismissed: the award of that lot goes ahead once the standstill has ended.',
  upheld: 'The challenge is upheld: that lot is not awarded.',
};
