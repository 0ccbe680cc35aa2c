import { type FormFields, lengthHint, type PostedForm } from '../lib/web/form';
import { type FieldError, Radios, Textarea, TextInput } from '../lib/web/govuk';
import { typedDay, typedPounds } from '../lib/web/typed';
import { DateInput } from './date-input';
import { milestoneTypeName, milestoneTypeOptions, pick } from './journey-parts';
import { kpiBody, milestoneBody } from './schemas';

/**
 * A milestone and a KPI as "add another" items, asked the same way when a contract is registered
 * and when they are added to one later (by amendment): one item's fields, its inputs and its line.
 */
export const milestoneItem = (withPayment: boolean): FormFields => ({
  title: { label: 'Milestone title', missing: 'Enter the milestone title' },
  type: { label: 'Type of milestone', as: 'choice', missing: 'Select the type of milestone' },
  dueDate: { label: 'Due date', as: 'date', missing: 'Enter the due date' },
  deliverable: { label: 'What the supplier delivers', missing: 'Enter what the supplier delivers' },
  evidenceRequested: { label: 'Evidence asked for', missing: 'Enter the evidence asked for' },
  ...(withPayment ? { payment: { label: 'Payment it releases', as: 'whole' as const, optional: true } } : {}),
});

export const kpiItem: FormFields = {
  name: { label: 'KPI name', missing: 'Enter the KPI name' },
  target: { label: 'Target', missing: 'Enter the target' },
};

type Inputs = { path: string; next: number; typed: PostedForm; errors: FieldError[] };

export function MilestoneInputs(p: Inputs & { period: string; payments?: boolean }) {
  const at = (f: string) => `${p.path}.${p.next}.${f}`;
  return (
    <>
      <TextInput name={at('title')} label="Milestone title" value={pick(p.typed, at('title'))} errors={p.errors} />
      <Radios
        name={at('type')}
        legend="Type of milestone"
        options={milestoneTypeOptions}
        value={pick(p.typed, at('type'))}
        errors={p.errors}
      />
      <DateInput
        name={at('dueDate')}
        legend="Due date"
        hint={`${p.period} For example, 30 6 2027. The supplier is alerted before it, and the morning after if it is overdue.`}
        typed={p.typed as Record<string, string>}
        errors={p.errors}
      />
      <Textarea
        name={at('deliverable')}
        label="What the supplier delivers"
        hint={lengthHint(milestoneBody.shape.deliverable)}
        value={pick(p.typed, at('deliverable'))}
        errors={p.errors}
        rows={2}
      />
      <Textarea
        name={at('evidenceRequested')}
        label="Evidence asked for"
        hint={`What the supplier sends from the emailed link to show it is done. ${lengthHint(milestoneBody.shape.evidenceRequested)}`}
        value={pick(p.typed, at('evidenceRequested'))}
        errors={p.errors}
        rows={2}
      />
      {p.payments && (
        <TextInput
          name={at('payment')}
          label="Payment it releases (optional)"
          hint="The number of a payment in the schedule: 1 for the first."
          value={pick(p.typed, at('payment'))}
          errors={p.errors}
          width="2"
          inputmode="numeric"
        />
      )}
    </>
  );
}

export function KpiInputs(p: Inputs) {
  const at = (f: string) => `${p.path}.${p.next}.${f}`;
  return (
    <>
      <TextInput
        name={at('name')}
        label="KPI name"
        hint="For example, groups supported."
        value={pick(p.typed, at('name'))}
        errors={p.errors}
      />
      <TextInput
        name={at('target')}
        label="Target"
        hint={`For example, 120 a year. ${lengthHint(kpiBody.shape.target)}`}
        value={pick(p.typed, at('target'))}
        errors={p.errors}
      />
    </>
  );
}

export const milestoneLine = (m: PostedForm) =>
  `${m.title ?? ''} (${milestoneTypeName(m.type).toLowerCase() || 'no type'}), due ${typedDay(m, 'dueDate')}${m.payment ? `, releases payment ${m.payment}` : ''}`;
export const kpiLine = (k: PostedForm) => `${k.name ?? ''}: ${k.target ?? ''}`;
export const paymentLine = (p: PostedForm) => `${typedPounds(p.amount)} on ${typedDay(p, 'dueDate')}`;
