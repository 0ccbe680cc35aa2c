import { type FormFields, lengthHint, type PostedForm } from '../lib/web/form';
import type { Inputs } from '../lib/web/inputs';
import { typedDay, typedPounds } from '../lib/web/typed';
import { milestoneTypeName, milestoneTypeOptions } from './journey-parts';
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

/** A milestone's inputs, `item` being the list's inputs for the next item. */
export function MilestoneInputs({ item, period, payments }: { item: Inputs; period: string; payments?: boolean }) {
  const s = milestoneBody.shape;
  return (
    <>
      <item.Text name="title" label="Milestone title" />
      <item.Choice name="type" legend="Type of milestone" options={milestoneTypeOptions} />
      <item.Day
        name="dueDate"
        legend="Due date"
        hint={`${period} For example, 30 6 2027. The supplier is alerted before it, and the morning after if it is overdue.`}
      />
      <item.Area name="deliverable" label="What the supplier delivers" hint={lengthHint(s.deliverable)} rows={2} />
      <item.Area
        name="evidenceRequested"
        label="Evidence asked for"
        hint={`What the supplier sends from the emailed link to show it is done. ${lengthHint(s.evidenceRequested)}`}
        rows={2}
      />
      {payments && (
        <item.Whole
          name="payment"
          label="Payment it releases (optional)"
          hint="The number of a payment in the schedule: 1 for the first."
          width="2"
        />
      )}
    </>
  );
}

export function KpiInputs({ item }: { item: Inputs }) {
  return (
    <>
      <item.Text name="name" label="KPI name" hint="For example, groups supported." />
      <item.Text name="target" label="Target" hint={`For example, 120 a year. ${lengthHint(kpiBody.shape.target)}`} />
    </>
  );
}

export const milestoneLine = (m: PostedForm) =>
  `${m.title ?? ''} (${milestoneTypeName(m.type).toLowerCase() || 'no type'}), due ${typedDay(m, 'dueDate')}${m.payment ? `, releases payment ${m.payment}` : ''}`;
export const kpiLine = (k: PostedForm) => `${k.name ?? ''}: ${k.target ?? ''}`;
export const paymentLine = (p: PostedForm) => `${typedPounds(p.amount)} on ${typedDay(p, 'dueDate')}`;
