import { rotateFeed } from '../../shared/calendar/rotate';
import type { Caller } from '../../shared/consortia/caller';
import { decide, rate } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { kpiRatings } from '../../shared/contracts/contract';
import { DomainError } from '../../shared/platform/errors';
import type { FieldError } from '../lib/web/govuk';
import { paymentActions, paymentDoneMessages } from './payment-actions';

type Form = Record<string, string>;
export type Outcome = { done: string } | { errors: FieldError[] } | { feedUrl: string };

const isDate = (s: string | undefined) => /^\d{4}-\d{2}-\d{2}$/.test(s ?? '');
const decisions = ['met', 'partiallyMet', 'notMet'] as const;

/** Each form on the contract page, by its `action`: read the fields, check them, run the same use case as the API. */
const actions: Record<string, (caller: Caller, contractId: string, form: Form) => Promise<Outcome>> = {
  decide: async (caller, id, form) => {
    const m = form.milestone ?? '';
    const status = decisions.find((d) => d === form[`status-${m}`]);
    if (!status) return { errors: [{ field: `status-${m}`, message: 'Select met, partly met or not met' }] };
    const dateMet = form[`dateMet-${m}`]?.trim();
    if (dateMet && !isDate(dateMet)) return { errors: [{ field: `dateMet-${m}`, message: 'Write the date as YYYY-MM-DD' }] };
    await decide(contractsTable, caller, id, m, { status, reason: form[`reason-${m}`], dateMet: dateMet || undefined });
    return { done: 'decided' };
  },
  rate: async (caller, id, form) => {
    const k = form.kpi ?? '';
    const rating = kpiRatings.find((r) => r === form[`rating-${k}`]);
    const errors: FieldError[] = [];
    if (!isDate(form[`start-${k}`])) errors.push({ field: `start-${k}`, message: 'Write the start of the period as YYYY-MM-DD' });
    if (!isDate(form[`end-${k}`])) errors.push({ field: `end-${k}`, message: 'Write the end of the period as YYYY-MM-DD' });
    if (!rating) errors.push({ field: `rating-${k}`, message: 'Select a rating' });
    if (errors.length || !rating) return { errors };
    const period = { startDate: form[`start-${k}`] as string, endDate: form[`end-${k}`] as string };
    await rate(contractsTable, caller, id, k, { period, rating, reason: form[`reason-${k}`] });
    return { done: 'rated' };
  },
  'rotate-feed': async (caller, id) => ({ feedUrl: (await rotateFeed(contractsTable, caller, { kind: 'contract', id })).url }),
  ...paymentActions,
};

/** Fields the use cases name, as the page names them (one form per milestone or KPI). */
const fieldOf = (form: Form, field: string) => {
  const which = form.milestone ?? form.kpi ?? '';
  const map: Record<string, string> = { reason: `reason-${which}`, dateMet: `dateMet-${which}`, 'period.endDate': `end-${which}` };
  return map[field] ?? field;
};

/** Runs the posted form; a rule the use case enforces comes back as that field's error. */
export async function runAction(caller: Caller, contractId: string, form: Form): Promise<Outcome> {
  // Own keys only: `__proto__` or `toString` is an unknown action, not Object's.
  const action = Object.hasOwn(actions, form.action ?? '') ? actions[form.action ?? ''] : undefined;
  if (!action) throw new DomainError('validation', `unknown form action "${form.action ?? ''}"`);
  try {
    return await action(caller, contractId, form);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.kind === 'validation' && error.issues.length)
      return { errors: error.issues.map((i) => ({ field: fieldOf(form, i.field), message: i.message })) };
    if (error.kind === 'conflict') return { errors: [{ field: 'action', message: error.message }] };
    throw error;
  }
}

export const doneMessages: Record<string, string> = {
  decided: 'The decision is recorded; the supplier and your council contact are told by email.',
  rated: 'The KPI rating is recorded.',
  ...paymentDoneMessages,
};
