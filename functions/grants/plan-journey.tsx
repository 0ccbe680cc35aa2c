import type { Caller } from '../../shared/consortia/caller';
import { grantsTable } from '../../shared/grants/aws';
import { setPlan } from '../../shared/grants/plan';
import { DomainError } from '../../shared/platform/errors';
import { dayInWords, humanise, pounds } from '../../shared/platform/format';
import { lengthHint, type PostedForm } from '../lib/web/form';
import { Lines } from '../lib/web/govuk';
import { GoTo, ListError } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import type { PageRequest, PageResult } from '../lib/web/page-route';
import { typedPounds } from '../lib/web/typed';
import { type GrantCtx, grantChrome, grantFor, grantHref, itemsOf, typedDay } from './journey-parts';
import { conditionText, grantPlan, milestoneName } from './schemas';

/**
 * A grant's plan from the browser (issue 24), as GOV.UK's task list: conditions, tranches (the
 * payments schedule) and the reporting schedule, each a question page with an "add another"
 * list where there are several, in any order; then check and send. The whole plan is sent once,
 * through the JSON route's own schema (`grantPlan`) and use case (`setPlan`), so the domain's
 * refusals (dates outside the grant's, tranches not adding up) show here as on the API.
 */
const kinds = [
  { value: 'before-first-payment', label: 'Before the first payment' },
  { value: 'before-tranche', label: 'Before a particular tranche', hint: 'Give the tranche number below.' },
  { value: 'ongoing', label: 'Throughout the grant', hint: 'No evidence is asked for; it holds no payment back.' },
];
const frequencies = [
  { value: 'quarterly', label: 'Every quarter' },
  { value: 'six-monthly', label: 'Every six months' },
  { value: 'annual', label: 'Every year' },
  { value: 'one-off', label: 'Once, on a date', hint: 'Give the report due date below.' },
  { value: 'milestone', label: 'Once, at a milestone', hint: 'Give the milestone and its report due date below.' },
];
const templates = [
  { value: 'light', label: 'The light form', hint: '2 figures and 2 questions.' },
  { value: 'full', label: 'The full form', hint: '5 figures and 4 questions.' },
];
const labelOf = (options: { value: string; label: string }[], v: unknown) => options.find((o) => o.value === v)?.label ?? '';

/** People count tranches and reports from 1; the schema's indexes count from 0. */
const fromOne = (n: unknown) => (typeof n === 'number' ? n - 1 : n);

function adapt(input: Record<string, unknown>): Record<string, unknown> {
  const conditions = (input.conditions as Record<string, unknown>[] | undefined)?.map(({ trancheIndex, ...c }) =>
    // A tranche number only means something for a condition before a particular tranche.
    c.kind === 'before-tranche' && trancheIndex !== undefined ? { ...c, trancheIndex: fromOne(trancheIndex) } : c,
  );
  const tranches = (input.tranches as Record<string, unknown>[] | undefined)?.map(({ reportIndex, ...t }) =>
    reportIndex === undefined ? t : { ...t, reportIndex: fromOne(reportIndex) },
  );
  return { ...input, conditions, tranches };
}

type Ctx = GrantCtx;

const policyInWords = (c: Ctx) => {
  const tier = c.amount < c.policy.thresholdPence ? c.policy.small : c.policy.large;
  return `${labelOf(frequencies, tier.frequency) || humanise(tier.frequency)}, on ${labelOf(templates, tier.template).toLowerCase()}`;
};

export const grantPlanJourney: Journey<typeof grantPlan, Ctx, Caller> = {
  ...journeyAt('grant-plan', (p) => `/app/grants/${p.grantId}/plan`),
  schema: grantPlan,
  title: 'Set the grant’s plan',
  load: (req: PageRequest<Caller>) => grantFor(req.caller, req.params.grantId ?? '', 'admin'),
  chrome: grantChrome,
  adapt,
  taskList: {
    check: 'Check and send the plan',
    intro: (c) => (
      <p class="govuk-body">
        {c.title}: {pounds(c.amount)} to {c.recipient.name}, from {dayInWords(c.plannedStart)} to {dayInWords(c.plannedEnd)}. Every date in
        the plan must fall within those dates, and the tranches must add up to {pounds(c.amount)}. Nothing is sent until you check and send
        the whole plan.
      </p>
    ),
  },
  questions: [
    {
      id: 'conditions',
      task: 'Conditions',
      heading: 'What conditions must the provider meet?',
      fields: { conditions: { label: 'Conditions', as: 'list', optional: true } },
      list: {
        path: 'conditions',
        item: {
          description: { label: 'Condition', missing: 'Enter the condition' },
          kind: { label: 'When it must be met', as: 'choice', missing: 'Select when the condition must be met' },
          trancheIndex: { label: 'Tranche number', as: 'whole', optional: true },
        },
        max: 20,
        noun: 'condition',
        describe: (c) => `${c.description ?? ''} (${labelOf(kinds, c.kind).toLowerCase()}${c.trancheIndex ? ` ${c.trancheIndex}` : ''})`,
      },
      body: ({ item }) => (
        <>
          <p class="govuk-body">
            The provider is emailed a link to send evidence for each condition that holds a payment back. Add each one, or continue without
            any.
          </p>
          <item.Area
            name="description"
            label="Condition"
            hint={`For example, a safeguarding policy adopted by the trustees. ${lengthHint(conditionText)}`}
            rows={3}
          />
          <item.Choice name="kind" legend="When it must be met" options={kinds} />
          <item.Whole
            name="trancheIndex"
            label="Tranche number"
            hint="Only for a condition before a particular tranche: 2 for the second payment."
            width="2"
          />
        </>
      ),
    },
    {
      id: 'tranches',
      task: 'Tranches (payments schedule)',
      heading: 'When is the grant paid?',
      fields: {
        tranches: { label: 'Tranches', as: 'list', optional: true, missing: 'Add at least one tranche: a grant is paid in at least one' },
      },
      list: {
        path: 'tranches',
        item: {
          amount: { label: 'Amount', as: 'pounds', missing: 'Enter the amount of the tranche' },
          dueDate: { label: 'Payment date', as: 'date', missing: 'Enter the payment date' },
          reportIndex: { label: 'Report it waits for', as: 'whole', optional: true },
        },
        max: 24,
        noun: 'tranche',
        describe: (t) => `${typedPounds(t.amount)} on ${typedDay(t, 'dueDate')}${t.reportIndex ? `, after report ${t.reportIndex}` : ''}`,
      },
      body: ({ ctx, errors, item }) => (
        <>
          <ListError id="tranches" errors={errors} />
          <p class="govuk-body">
            Add each payment in date order. Together they must come to {pounds(ctx.amount)}, each paid between{' '}
            {dayInWords(ctx.plannedStart)} and {dayInWords(ctx.plannedEnd)}.
          </p>
          <item.Pounds name="amount" label="Amount" />
          <item.Day
            name="dueDate"
            legend="Payment date"
            hint="For example, 1 5 2026. It is paid on this date once the conditions before it are met."
          />
          <item.Whole name="reportIndex" label="Report it waits for (optional)" hint={reportIndexHint} width="2" />
        </>
      ),
    },
    reportingQuestion(),
  ],
  check: {
    rows: (typed, c) => [
      { key: 'Conditions', value: <Lines items={itemsOf(typed, 'conditions').map(conditionWords)} none="None" />, question: 'conditions' },
      { key: 'Tranches', value: <Lines items={itemsOf(typed, 'tranches').map(trancheWords)} none="None yet" />, question: 'tranches' },
      { key: 'Reporting', value: reportingWords(typed, c), question: 'reporting' },
    ],
    button: 'Set the plan',
    note: 'Setting the plan starts the grant’s payments and reporting. After that it changes only by amending the grant.',
  },
  submit: async (c, value) => {
    await setPlan(grantsTable, c.caller, c.id, value);
    return c.id;
  },
  done: (c) => ({ panel: 'Plan set', body: <PlanSet c={c} /> }),
};

function reportingQuestion(): Journey<typeof grantPlan, Ctx, Caller>['questions'][number] {
  return {
    id: 'reporting',
    task: 'Reporting schedule',
    heading: 'How does the provider report?',
    fields: {
      'reporting.frequency': { label: 'How often', as: 'choice', optional: true },
      'reporting.template': { label: 'Report form', as: 'choice', optional: true },
      'reporting.dueDate': { label: 'Report due date', as: 'date', optional: true },
      'reporting.milestone': { label: 'Milestone', optional: true },
    },
    body: ({ ctx, field }) => (
      <>
        <field.Choice
          name="reporting.frequency"
          legend="How often"
          options={[{ value: '', label: `As the consortium’s policy says for a grant this size (${policyInWords(ctx)})` }, ...frequencies]}
        />
        <field.Choice
          name="reporting.template"
          legend="Report form"
          options={[{ value: '', label: 'As the consortium’s policy says' }, ...templates]}
        />
        <field.Day
          name="reporting.dueDate"
          legend="Report due date"
          hint={`Only for a report once, on a date or at a milestone. Between ${dayInWords(ctx.plannedStart)} and ${dayInWords(ctx.plannedEnd)}, for example 31 3 2027.`}
        />
        <field.Text
          name="reporting.milestone"
          label="Milestone"
          hint={`Only for a report at a milestone: for example, the new hub opens. ${lengthHint(milestoneName)}`}
        />
      </>
    ),
  };
}

const reportIndexHint = 'The number of a report that must be accepted before this tranche is paid: 1 for the first report.';
const conditionWords = (c: PostedForm) =>
  `${c.description ?? ''}: ${labelOf(kinds, c.kind).toLowerCase()}${c.kind === 'before-tranche' ? ` ${c.trancheIndex ?? ''}` : ''}`;
const trancheWords = (t: PostedForm) =>
  `${typedPounds(t.amount)} on ${typedDay(t, 'dueDate')}${t.reportIndex ? `, once report ${t.reportIndex} is accepted` : ''}`;

function reportingWords(typed: PostedForm, c: Ctx): string {
  const f = String(typed['reporting.frequency'] ?? '');
  const how = f ? labelOf(frequencies, f) : `As the consortium’s policy says (${policyInWords(c)})`;
  const form = typed['reporting.template'] ? `, on ${labelOf(templates, typed['reporting.template']).toLowerCase()}` : '';
  const due = typed['reporting.dueDate-year'] ? `, due ${typedDay(typed, 'reporting.dueDate')}` : '';
  const milestone = typed['reporting.milestone'] ? ` (${typed['reporting.milestone']})` : '';
  return `${how}${form}${milestone}${due}`;
}

/** What the system does once the plan is set: the grant workflow, the evidence requests and the reporting cycle. */
function PlanSet({ c }: { c: Ctx }) {
  const asked = c.conditions.filter((x) => x.kind !== 'ongoing');
  const first = [...c.reports].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))[0];
  const recipient = c.recipient.name ?? 'The provider';
  return (
    <>
      {asked.length > 0 && (
        <p class="govuk-body">
          {recipient} has been emailed a link to send evidence for each condition that holds a payment back ({asked.length}). When evidence
          arrives it is listed in what needs you, and you decide it on the grant’s page.
        </p>
      )}
      <p class="govuk-body">
        grantloop pays each tranche on its date once the conditions before it are met or waived and any report it waits for is accepted. The
        first payment makes the grant active.
      </p>
      {first && (
        <p class="govuk-body">
          {recipient} is emailed a link to its first report, {first.label}, due on {dayInWords(first.dueDate)}, when the period ends (or
          four weeks before the due date if that is sooner), with reminders before and after the due date. No account is needed.
        </p>
      )}
      <GoTo href={grantHref(c.id)}>Go to the grant</GoTo>
    </>
  );
}

const journey = journeyPage(grantPlanJourney);

/**
 * A plan is set once; later changes are amendments. Once it is set, the task list says so (and
 * where to change it), and its forms are gone: a post to them is refused whole (400).
 */
export async function grantPlanPage(req: PageRequest<Caller>): Promise<PageResult> {
  const c = await grantFor(req.caller, req.params.grantId ?? '', 'admin');
  if (!c.tranches.length || (req.method === 'GET' && req.query.page === 'done')) return journey(req);
  if (req.method === 'POST') throw new DomainError('validation', 'this page has no such form');
  return {
    title: 'The plan is set',
    ...grantChrome(c),
    body: (
      <>
        <h1 class="govuk-heading-l">The plan of {c.title} is set</h1>
        <p class="govuk-body">
          A plan is set once. To change the grant's amount or dates, or add a condition, amend the grant from its page.
        </p>
        <GoTo href={grantHref(c.id)}>Go to the grant</GoTo>
      </>
    ),
  };
}
