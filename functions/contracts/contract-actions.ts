import { rotateFeed } from '../../shared/calendar/rotate';
import type { Caller } from '../../shared/consortia/caller';
import { decide, rate } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { requestEvidence } from '../../shared/contracts/evidence-request';
import { chosenForm, type FormFields, type PostedForm, submitForm } from '../lib/web/form';
import * as z from '../lib/zod';
import type { Action, Outcome } from './page-types';
import { kpiPath, milestonePath } from './paths';
import { paymentActions, paymentDoneMessages } from './payment-actions';
import { decisionBody, ratingBody } from './schemas';
import { recordOf } from './which-record';

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
    decide: async (caller, contractId, form) => {
      const m = recordOf(form, 'milestone', 'Milestone', milestonePath.shape.milestoneId);
      if (m.errors) return m;
      const action = { schema: decisionBody, fields: decisionFields(m.id), formId: `decide-${m.id}` };
      const done = await submitForm(form, action, (input) => decide(contractsTable, caller, contractId, m.id, input));
      return done.errors ? { errors: done.errors } : { done: 'decided' };
    },
    // No fields but the milestone: a refusal (already decided) is shown against its form, `request-M1`.
    'request-evidence': async (caller, contractId, form) => {
      const m = recordOf(form, 'milestone', 'Milestone', milestonePath.shape.milestoneId);
      if (m.errors) return m;
      const action = { schema: z.strictObject({}), fields: {}, formId: `request-${m.id}` };
      const done = await submitForm(form, action, () => requestEvidence(contractsTable, caller, contractId, m.id));
      return done.errors ? { errors: done.errors } : { done: 'evidence-requested' };
    },
  },
  kpis: {
    rate: async (caller, contractId, form) => {
      const k = recordOf(form, 'kpi', 'KPI', kpiPath.shape.kpiId);
      if (k.errors) return k;
      const action = { schema: ratingBody, fields: ratingFields(k.id), formId: `rate-${k.id}` };
      const done = await submitForm(form, action, (input) => rate(contractsTable, caller, contractId, k.id, input));
      return done.errors ? { errors: done.errors } : { done: 'rated' };
    },
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
