import type { Caller } from '../../shared/consortia/caller';
import { workflows } from '../../shared/platform/aws/workflows';
import { tendersTable } from '../../shared/tenders/aws';
import { leadSignOffDecision, submitForSignOff } from '../../shared/tenders/sign-off';
import type { Tender } from '../../shared/tenders/tender';
import { type FormFields, type PostedForm, submitForm } from '../lib/web/form';
import type { FieldError } from '../lib/web/govuk';
import * as z from '../lib/zod';
import { leadDecisionBody } from './schemas';

/**
 * The lead's forms on the tender page around sign-off: sending a draft to its funders (the same
 * use case as POST /tenders/{tenderId}/sign-off-request) and, once the sign-off deadline has
 * passed with funders silent, deciding for them (POST /tenders/{tenderId}/sign-off-decision).
 * Kept apart from tender-actions.ts, which lists them with the page's other forms.
 */
type Outcome = { done: string } | { errors: FieldError[] };

const deps = { ...tendersTable, workflows };

export const leadDecisionFields: FormFields = {
  decision: { label: 'The lead’s decision', name: 'lead-decision', as: 'choice', missing: 'Select proceed or send back to draft' },
};

const done = (outcome: { errors?: FieldError[] | undefined }, name: string): Outcome =>
  outcome.errors ? { errors: outcome.errors } : { done: name };

export const draftActions: Record<string, (caller: Caller, t: Tender, form: PostedForm) => Promise<Outcome>> = {
  'sign-off-request': async (caller, t, form) =>
    done(
      await submitForm(form, { schema: z.strictObject({}), fields: {}, formId: 'sign-off-request' }, () =>
        submitForSignOff(tendersTable, caller, t.id),
      ),
      'sent-for-sign-off',
    ),
  'lead-decision': async (caller, t, form) => {
    const outcome = await submitForm(form, { schema: leadDecisionBody, fields: leadDecisionFields, formId: 'lead-decision' }, (input) =>
      leadSignOffDecision(deps, caller, t.id, input),
    );
    return done(outcome, outcome.value?.decision === 'proceed' ? 'proceeding' : 'returned');
  },
};

export const draftDoneMessages: Record<string, string> = {
  'sent-for-sign-off': 'The draft is sent for sign-off: each funder is emailed and asked to approve it.',
  proceeding: 'Your decision is recorded: the tender goes ahead with the contributions as drafted.',
  returned: 'Your decision is recorded: the tender goes back to draft.',
};
