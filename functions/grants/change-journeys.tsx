import type { Caller } from '../../shared/consortia/caller';
import { amend, changeStatus } from '../../shared/grants/amendments';
import { grantsTable } from '../../shared/grants/aws';
import { type GrantStatus, nextStatuses } from '../../shared/grants/grant-plan';
import { conflict } from '../../shared/platform/errors';
import { dayInWords, humanise, pounds } from '../../shared/platform/format';
import { lengthHint } from '../lib/web/form';
import { GoTo, type Inputs } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import type { PageRequest } from '../lib/web/page-route';
import { typedPounds } from '../lib/web/typed';
import { type GrantCtx, grantChrome, grantFor, grantHref, typedDay } from './journey-parts';
import { amendment, changeReason, conditionText, grantStatusChange } from './schemas';

/**
 * Amending a grant and changing its status (issue 24), by the lead's admins: question pages,
 * check your answers, confirmation. The inputs are the JSON routes' own (`amendment`,
 * `grantStatusChange`) and so are the use cases (`amend`, `changeStatus`); their refusals (a cut
 * below what is paid, a status the lifecycle does not allow) show on the check page.
 */
const kinds = [
  { value: 'amount', label: 'Change the amount', hint: 'A raise is drawn from the pool; a cut goes back to the funders.' },
  { value: 'dates', label: 'Change the dates' },
  { value: 'conditions', label: 'Add a condition', hint: 'A condition for the rest of the grant: it holds no payment back.' },
];
const kindLabel = (v: unknown) => kinds.find((k) => k.value === v)?.label ?? '';
const reasonHint = `Funders see it in the grant's history. ${lengthHint(changeReason)}`;

/** The fields of the kind chosen: what was typed for another kind, before the person changed their mind, is not sent. */
function adaptAmendment(input: Record<string, unknown>): Record<string, unknown> {
  const { kind, reason, amount, plannedStart, plannedEnd, add, currency } = input;
  if (kind === 'amount') return { kind, reason, amount, currency };
  if (kind === 'dates') return { kind, reason, plannedStart, plannedEnd };
  if (kind === 'conditions') return { kind, reason, add: { ...(add as object), kind: 'ongoing' } };
  return { kind, reason };
}

function changeRows(typed: Record<string, string | string[]>): string {
  if (typed.kind === 'amount') return `New amount: ${typedPounds(typed.amount)}`;
  if (typed.kind === 'dates') return `From ${typedDay(typed, 'plannedStart')} to ${typedDay(typed, 'plannedEnd')}`;
  return `New condition: ${typed['add.description'] ?? ''}`;
}

export const amendGrantJourney: Journey<typeof amendment, GrantCtx, Caller> = {
  ...journeyAt('grant-amendment', (p) => `/app/grants/${p.grantId}/amendments/new`),
  schema: amendment,
  title: 'Amend the grant',
  load: (req: PageRequest<Caller>) => grantFor(req.caller, req.params.grantId ?? '', 'admin'),
  chrome: grantChrome,
  fixed: (c) => ({ currency: c.currency }),
  adapt: adaptAmendment,
  questions: [
    {
      id: 'kind',
      heading: 'What do you want to change?',
      fields: { kind: { label: 'What to change', as: 'choice', missing: 'Select what you want to change' } },
      body: ({ field }) => <field.Choice name="kind" legend="What to change" options={kinds} />,
    },
    {
      id: 'change',
      heading: 'What is the change?',
      fields: {
        amount: { label: 'New amount', as: 'pounds', optional: true, missing: 'Enter the new amount' },
        plannedStart: { label: 'New start date', as: 'date', optional: true, missing: 'Enter the new start date' },
        plannedEnd: { label: 'New end date', as: 'date', optional: true, missing: 'Enter the new end date' },
        'add.description': { label: 'Condition', optional: true, missing: 'Enter the condition' },
      },
      body: ({ ctx, typed, field }) => <ChangeFields c={ctx} kind={typed.kind} field={field} />,
    },
    {
      id: 'reason',
      heading: 'Why is the grant changing?',
      fields: { reason: { label: 'Reason for the change', missing: 'Enter the reason for the change' } },
      body: ({ field }) => <field.Area name="reason" label="Reason for the change" hint={reasonHint} />,
    },
  ],
  check: {
    rows: (typed) => [
      { key: 'What changes', value: kindLabel(typed.kind), question: 'kind' },
      { key: 'The change', value: changeRows(typed), question: 'change' },
      { key: 'Reason', value: String(typed.reason ?? ''), question: 'reason' },
    ],
    button: 'Amend the grant',
  },
  submit: async (c, value) => (await amend(grantsTable, c.caller, c.id, value)).id,
  done: (c, created) => ({ panel: 'Grant amended', body: <Amended c={c} created={created} /> }),
};

/** The inputs of the kind of change chosen. */
function ChangeFields({ c, kind, field }: { c: GrantCtx; kind: unknown; field: Inputs }) {
  if (kind === 'amount') return <field.Pounds name="amount" label="New amount" hint={`The grant is ${pounds(c.amount)} now.`} />;
  if (kind === 'dates')
    return (
      <>
        <field.Day
          name="plannedStart"
          legend="New start date"
          hint={`It starts on ${dayInWords(c.plannedStart)} now. For example, 1 4 2026.`}
        />
        <field.Day name="plannedEnd" legend="New end date" hint={`It ends on ${dayInWords(c.plannedEnd)} now. For example, 31 3 2027.`} />
      </>
    );
  return (
    <field.Area
      name="add.description"
      label="Condition"
      hint={`What the provider must keep doing for the rest of the grant. ${lengthHint(conditionText)}`}
      rows={3}
    />
  );
}

function Amended({ c, created }: { c: GrantCtx; created: string }) {
  // The one just made, by its id: amendments made in the same millisecond need not list in the order they were made.
  const last = c.amendments.find((a) => a.id === created) ?? c.amendments.at(-1);
  const what =
    last?.kind === 'amount'
      ? `The grant is now ${pounds(c.amount)}. A raise is drawn from the pool, shared between the funders by what each has available; a cut goes back to the funders it came from. The unpaid tranches carry the change.`
      : last?.kind === 'dates'
        ? `The grant now runs from ${dayInWords(c.plannedStart)} to ${dayInWords(c.plannedEnd)}. Its tranches and reports keep their dates.`
        : 'The condition is added for the rest of the grant. No evidence is asked for and it holds no payment back.';
  return (
    <>
      <p class="govuk-body">{what}</p>
      <p class="govuk-body">The amendment and its reason are in the grant's history. No one is emailed.</p>
      <GoTo href={grantHref(c.id)}>Go to the grant</GoTo>
    </>
  );
}

const statusWords: Record<GrantStatus, string> = {
  awarded: 'Awarded',
  active: 'Active: payments go ahead as the plan says',
  closing: 'Closing: the last reports and payments are under way',
  closed: 'Closed: the grant is finished',
  suspended: 'Suspended: no tranche is paid until it is active again',
  terminated: 'Terminated: no more is paid, and it cannot be undone',
};

export const grantStatusJourney: Journey<typeof grantStatusChange, GrantCtx, Caller> = {
  ...journeyAt('grant-status', (p) => `/app/grants/${p.grantId}/status`),
  schema: grantStatusChange,
  title: 'Change the grant’s status',
  load: async (req: PageRequest<Caller>) => {
    const c = await grantFor(req.caller, req.params.grantId ?? '', 'admin');
    if (!nextStatuses(c.status as GrantStatus).length && req.query.page !== 'done')
      throw conflict(`${c.title} is ${c.status}: that is final, and its status cannot change`);
    return c;
  },
  chrome: grantChrome,
  questions: [
    {
      id: 'status',
      heading: 'What is the grant’s new status?',
      fields: {
        status: { label: 'New status', as: 'choice', missing: 'Select the new status' },
        reason: { label: 'Reason for the change', missing: 'Enter the reason for the change' },
      },
      body: ({ ctx, field }) => (
        <>
          <field.Choice
            name="status"
            legend="New status"
            hint={`It is ${humanise(ctx.status).toLowerCase()} now.`}
            options={nextStatuses(ctx.status as GrantStatus).map((s) => ({ value: s, label: statusWords[s] }))}
          />
          <field.Area name="reason" label="Reason for the change" hint={reasonHint} />
        </>
      ),
    },
  ],
  check: {
    rows: (typed) => [
      { key: 'New status', value: humanise(String(typed.status ?? '')), question: 'status' },
      { key: 'Reason', value: String(typed.reason ?? ''), question: 'status' },
    ],
    button: 'Change the status',
  },
  submit: async (c, value) => (await changeStatus(grantsTable, c.caller, c.id, value)).status,
  done: (c) => ({
    panel: `Grant ${humanise(c.status).toLowerCase()}`,
    body: (
      <>
        <p class="govuk-body">
          {statusWords[c.status as GrantStatus]}. The change and its reason are in the grant's history. No one is emailed.
        </p>
        <GoTo href={grantHref(c.id)}>Go to the grant</GoTo>
      </>
    ),
  }),
};

export const amendGrantPage = journeyPage(amendGrantJourney);
export const grantStatusPage = journeyPage(grantStatusJourney);
