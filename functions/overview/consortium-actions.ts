import type { Caller } from '../../shared/consortia/caller';
import { confirmConsortium } from '../../shared/consortia/consortia';
import { setReportingPolicy } from '../../shared/grants/reporting-policy';
import { overviewTable } from '../../shared/overview/aws';
import { workflows } from '../../shared/platform/aws/workflows';
import { reportingPolicy } from '../grants/schemas';
import { chosenForm, type FormAction, type PostedForm, submitForm } from '../lib/web/form';
import type { FieldError } from '../lib/web/govuk';
import * as z from '../lib/zod';

/** The reporting policy form as consortium-page.tsx shows it, into the schema `PUT /consortia/{id}/reporting-policy` parses with. */
export const policyForm: FormAction<typeof reportingPolicy> = {
  schema: reportingPolicy,
  fields: {
    thresholdPence: { label: 'Small-grant threshold', name: 'threshold', as: 'pounds', missing: 'Enter the small-grant threshold' },
    'small.frequency': { label: 'Small grants report', as: 'choice', missing: 'Select how often small grants report' },
    'small.template': { label: 'Small grants use', as: 'choice', missing: 'Select the form small grants use' },
    'large.frequency': { label: 'Larger grants report', as: 'choice', missing: 'Select how often larger grants report' },
    'large.template': { label: 'Larger grants use', as: 'choice', missing: 'Select the form larger grants use' },
    dueDaysAfterPeriodEnd: { label: 'Days until a report is due', as: 'whole' },
    reminderOffsetsDays: { label: 'Reminder days', as: 'wholes' },
    veryLateAfterDays: { label: 'Days until a report is very late', as: 'whole' },
  },
  formId: 'policy',
};

// `POST /consortia/{id}/confirm` takes no body: the form carries nothing but its action.
const confirmForm: FormAction<z.ZodMiniObject> = { schema: z.strictObject({}), fields: {}, formId: 'confirm' };

type Outcome = { done: string } | { errors: FieldError[] };

const actions: Record<string, (caller: Caller, consortiumId: string, form: PostedForm) => Promise<Outcome>> = {
  confirm: async (caller, consortiumId, form) => {
    const r = await submitForm(form, confirmForm, () => confirmConsortium({ ...overviewTable, workflows }, caller, consortiumId));
    return r.errors ? { errors: r.errors } : { done: 'confirmed' };
  },
  policy: async (caller, consortiumId, form) => {
    const r = await submitForm(form, policyForm, (input) => setReportingPolicy(overviewTable, caller, consortiumId, input));
    return r.errors ? { errors: r.errors } : { done: 'policy' };
  },
};

/** Runs the posted form; a form the page does not have is refused whole (400). Call it once the caller may read the consortium. */
export const runConsortiumAction = (caller: Caller, consortiumId: string, form: PostedForm) =>
  chosenForm(form, actions)(caller, consortiumId, form);
