import { rotateFeed } from '../../shared/calendar/rotate';
import type { Caller } from '../../shared/consortia/caller';
import { decide, rate } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { requestEvidence } from '../../shared/contracts/evidence-request';
import { chosenForm, type FormFields, type PostedForm } from '../lib/web/form';
import { recordForm, type Which } from '../lib/web/form-actions';
import * as z from '../lib/zod';
import type { Action, Outcome } from './page-types';
import { kpiPath, milestonePath } from './paths';
import { paymentActions, paymentDoneMessages } from './payment-actions';
import { decisionBody, ratingBody } from './schemas';

/** The decision form of milestone `m`: the names and labels the page uses (contract-sections.tsx). */
export const decisionFields = (m: string) =>
  ({
    status: { label: `Decide ${m}`, name: `status-${m}`, as: 'choice', missing: 'Select met, partly met or not met' },
    dateMet: { label: 'Date met', name: `dateMet-${m}`, as: 'date', optional: true },
    reason: { label: 'Why (needed unless met)', name: `reason-${m}`, optional: true },
  }) satisfies FormFields;

/** The rating form of KPI `k`. */
export const ratingFields = (k: string) =>
  ({
    'period.startDate': { label: 'Start of the period', name: `start-${k}`, as: 'date', missing: 'Enter the start of the period' },
    'period.endDate': { label: 'End of the period', name: `end-${k}`, as: 'date', missing: 'Enter the end of the period' },
    rating: { label: 'Rating', name: `rating-${k}`, as: 'choice', missing: 'Select a rating' },
    reason: { label: 'Note (needed for Other)', name: `reason-${k}`, optional: true },
  }) satisfies FormFields;

/** The contract's sub-pages (contract-page.tsx): `''` is its overview. */
export type ContractPart = '' | 'milestones' | 'kpis' | 'payments';

const milestone: Which = { name: 'milestone', label: 'Milestone', schema: milestonePath.shape.milestoneId };

/**
 * Each form on the contract's sub-pages, by its `action`: decoded by the shared decoder into the
 * same schema as its JSON route, then the same use case; a refusal comes back against its field,
 * or against the form (its id: `decide-M1`) when it is about the contract's state. A sub-page
 * takes only its own forms, so a refusal is shown where the form is.
 */
const actions: Record<ContractPart, Record<string, Action>> = {
  '': {
    // No fields: the answer is the feed's new address, shown once.
    'rotate-feed': async (caller, id) => ({ feedUrl: (await rotateFeed(contractsTable, caller, { kind: 'contract', id })).url }),
  },
  milestones: {
    decide: recordForm(
      milestone,
      (m) => ({ schema: decisionBody, fields: decisionFields(m), formId: `decide-${m}` }),
      (caller, contractId, m, input) => decide(contractsTable, caller, contractId, m, input),
      () => 'decided',
    ),
    // No fields but the milestone: a refusal (already decided) is shown against its form, `request-M1`.
    'request-evidence': recordForm(
      milestone,
      (m) => ({ schema: z.strictObject({}), fields: {}, formId: `request-${m}` }),
      (caller, contractId, m) => requestEvidence(contractsTable, caller, contractId, m),
      () => 'evidence-requested',
    ),
  },
  kpis: {
    rate: recordForm(
      { name: 'kpi', label: 'KPI', schema: kpiPath.shape.kpiId },
      (k) => ({ schema: ratingBody, fields: ratingFields(k), formId: `rate-${k}` }),
      (caller, contractId, k, input) => rate(contractsTable, caller, contractId, k, input),
      () => 'rated',
    ),
  },
  payments: paymentActions,
};

/** Runs the posted form's action; one the sub-page does not have is refused whole (`chosenForm`). */
export const runAction = (part: ContractPart, caller: Caller, contractId: string, form: PostedForm): Promise<Outcome> =>
  chosenForm(form, actions[part])(caller, contractId, form);

export const doneMessages: Record<string, string> = {
  decided: 'The decision is recorded; the supplier and your council contact are told by email.',
  'evidence-requested': 'The supplier is being emailed a new link to send the evidence; any link sent before stops working.',
  rated: 'The KPI rating is recorded.',
  ...paymentDoneMessages,
};
