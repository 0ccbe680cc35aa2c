import type { Child } from 'hono/jsx';
import { plural } from '../../shared/platform/format';
import type { Lot } from '../../shared/pools/pool';
import { lengthHint, type PostedForm } from '../lib/web/form';
import type { Question } from '../lib/web/journey';
import { typedPounds } from '../lib/web/typed';
import { allocationRequest } from './schemas';

/**
 * The questions a grant request asks after its recipient, the same for a round's proposal and a
 * direct award (both decode into `allocationRequest`'s fields): what it is for, then how much,
 * from which lot and for how long.
 */
type GrantCtx = { pool: { lots: Lot[] } };

const NO_LOT = 'none';
const s = allocationRequest.shape;

const lotOptions = (ctx: GrantCtx) => [
  ...ctx.pool.lots.map((l) => ({ value: l.id, label: l.name })),
  { value: NO_LOT, label: 'No particular lot', hint: 'Only money that is not restricted to a lot can fund it.' },
];

/** "No particular lot" is a radio of its own, so a person says so rather than leaving it blank. */
export const withoutNoLot = (input: Record<string, unknown>): Record<string, unknown> =>
  input.lotId === NO_LOT ? { ...input, lotId: undefined } : { ...input };

export const grantQuestions: Question<GrantCtx>[] = [
  {
    id: 'about',
    heading: 'What is the grant for?',
    fields: {
      title: { label: 'Title', missing: 'Enter the title of the proposal' },
      description: { label: 'Description', optional: true },
    },
    body: ({ field }) => (
      <>
        <field.Text name="title" label="Title" hint={`For example, Volunteer brokerage in North Wyvern. ${lengthHint(s.title)}`} />
        <field.Area
          name="description"
          label="Description (optional)"
          hint={`What the grant pays for and what it should achieve. ${lengthHint(s.description)}`}
        />
      </>
    ),
  },
  {
    id: 'money',
    heading: 'How much, from which lot, and for how long?',
    // In the schema's order, so the error summary lists them as the page shows them.
    fields: {
      amount: { label: 'Amount', as: 'pounds', missing: 'Enter the amount of the grant' },
      lotId: { label: 'Lot', as: 'choice', missing: 'Select the lot, or no particular lot' },
      durationMonths: { label: 'Duration in months', as: 'whole', missing: 'Enter how many months the grant runs for' },
    },
    body: ({ ctx, field }) => (
      <>
        <field.Pounds name="amount" label="Amount" />
        <field.Choice name="lotId" legend="Lot" options={lotOptions(ctx)} />
        <field.Whole name="durationMonths" label="Duration in months" hint="From 1 to 120 months. For example, 12" width="3" />
      </>
    ),
  },
];

/** Check your answers' rows for those questions, as typed. */
export const grantRows = (typed: PostedForm, ctx: GrantCtx): { key: string; value: Child; question: string }[] => [
  { key: 'Title', value: String(typed.title ?? ''), question: 'about' },
  { key: 'Description', value: String(typed.description ?? '') || 'None', question: 'about' },
  { key: 'Amount', value: typedPounds(typed.amount), question: 'money' },
  {
    key: 'Duration',
    value: /^\d+$/.test(String(typed.durationMonths ?? ''))
      ? plural(Number(typed.durationMonths), 'month')
      : String(typed.durationMonths ?? ''),
    question: 'money',
  },
  { key: 'Lot', value: lotOptions(ctx).find((o) => o.value === typed.lotId)?.label ?? '', question: 'money' },
];
