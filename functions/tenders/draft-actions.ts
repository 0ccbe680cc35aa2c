import { leadSignOffDecision, submitForSignOff } from '../../shared/tenders/sign-off';
import type { FormFields } from '../lib/web/form';
import * as z from '../lib/zod';
import { leadDecisionBody } from './schemas';
import { type Action, tenderForm } from './tender-form';

/**
 * The lead's forms on the tender page around sign-off: sending a draft to its funders (the same
 * use case as POST /tenders/{tenderId}/sign-off-request) and, once the sign-off deadline has
 * passed with funders silent, deciding for them (POST /tenders/{tenderId}/sign-off-decision).
 * Kept apart from tender-actions.ts, which lists them with the page's other forms.
 */
export const leadDecisionFields: FormFields = {
  decision: { label: 'The lead’s decision', name: 'lead-decision', as: 'choice', missing: 'Select proceed or send back to draft' },
};

export const draftActions: Record<string, Action> = {
  'sign-off-request': tenderForm(
    { schema: z.strictObject({}), fields: {}, formId: 'sign-off-request' },
    submitForSignOff,
    () => 'sent-for-sign-off',
  ),
  'lead-decision': tenderForm(
    { schema: leadDecisionBody, fields: leadDecisionFields, formId: 'lead-decision' },
    leadSignOffDecision,
    (_i, led) => (led.decision === 'proceed' ? 'proceeding' : 'returned'),
  ),
};

export const draftDoneMessages: Record<string, string> = {
  'sent-for-sign-off': 'The draft is sent for sign-off: each funder is emailed and asked to approve it.',
  proceeding: 'Your decision is recorded: the tender goes ahead with the contributions as drafted.',
  returned: 'Your decision is recorded: the tender goes back to draft.',
};
