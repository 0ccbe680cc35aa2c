import type { Caller } from '../../shared/consortia/caller';
import { amend } from '../../shared/contracts/actions';
import { contractsTable } from '../../shared/contracts/aws';
import { dayInWords, pounds } from '../../shared/platform/format';
import { type FormFields, lengthHint, type PostedForm } from '../lib/web/form';
import { Lines } from '../lib/web/govuk';
import { GoTo, type Inputs, ListError } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import type { PageRequest, PageResult } from '../lib/web/page-route';
import { itemsOf, typedDay, typedPounds } from '../lib/web/typed';
import { type ContractCtx, contractChrome, contractFor, contractHref, pick } from './journey-parts';
import { KpiInputs, kpiItem, kpiLine, MilestoneInputs, milestoneItem, milestoneLine } from './milestone-fields';
import { amendmentBody } from './schemas';

/**
 * Changing a contract's terms from the browser (issue 25): both journeys send an amendment, the
 * UK10-style record (what changed, from and to, why, by whom), through the JSON route's own
 * schema (`amendmentBody`) and use case (`amend`). "Add milestones and KPIs" is how a contract
 * made by a tender's award, which has none, gets them; "Amend the contract" changes the value,
 * the end date and when milestones are due.
 */
const whyField: FormFields = { why: { label: 'Reason for the change', missing: 'Enter the reason for the change' } };
const whyHint = `It is kept in the contract's history with the change. ${lengthHint(amendmentBody.shape.why)}`;

const whyQuestion = (heading: string) => ({
  id: 'why',
  heading,
  fields: whyField,
  body: ({ field }: { field: Inputs }) => <field.Area name="why" label="Reason for the change" hint={whyHint} />,
});

const periodOf = (c: ContractCtx) => `Within the contract, ${dayInWords(c.period.startDate)} to ${dayInWords(c.period.endDate)}.`;

/** What both amendment journeys are: their draft's key, their path under the contract, the schema, who may take them. */
const amendment = (key: string, rest: string, title: string) => ({
  ...journeyAt(key, (p) => contractHref(p.contractId ?? '', rest)),
  schema: amendmentBody,
  title,
  load: (req: PageRequest<Caller>) => contractFor(req.caller, req.params.contractId ?? ''),
  chrome: contractChrome,
});

export const addMilestonesJourney: Journey<typeof amendmentBody, ContractCtx, Caller> = {
  ...amendment('contract-additions', 'milestones/new', 'Add milestones and KPIs'),
  questions: [
    {
      id: 'milestones',
      heading: 'Which milestones do you want to add?',
      fields: { addMilestones: { label: 'Milestones', as: 'list', optional: true } },
      list: { path: 'addMilestones', item: milestoneItem(false), max: 20, noun: 'milestone', describe: milestoneLine },
      body: ({ ctx, errors, item }) => (
        <>
          <ListError id="addMilestones" errors={errors} />
          <p class="govuk-body">
            {ctx.milestones.length
              ? `The contract has ${ctx.milestones.length} milestone${ctx.milestones.length === 1 ? '' : 's'}. `
              : 'The contract has no milestones yet. '}
            Add each new one, or continue to add only KPIs.
          </p>
          <MilestoneInputs item={item} period={periodOf(ctx)} />
        </>
      ),
    },
    {
      id: 'kpis',
      heading: 'Which KPIs do you want to add?',
      fields: { addKpis: { label: 'KPIs', as: 'list', optional: true } },
      list: { path: 'addKpis', item: kpiItem, max: 30, noun: 'KPI', describe: kpiLine },
      body: ({ ctx, errors, item }) => (
        <>
          <ListError id="addKpis" errors={errors} />
          <p class="govuk-body">
            {ctx.kpis.length ? `It has these KPIs: ${ctx.kpis.map((k) => k.name).join(', ')}. ` : 'The contract has no KPIs yet. '}
            Add each new one, or continue without any.
          </p>
          <KpiInputs item={item} />
        </>
      ),
    },
    whyQuestion('Why are they being added?'),
  ],
  check: {
    rows: (typed) => [
      {
        key: 'Milestones',
        value: <Lines items={itemsOf(typed, 'addMilestones').map(milestoneLine)} none="None" />,
        question: 'milestones',
      },
      { key: 'KPIs', value: <Lines items={itemsOf(typed, 'addKpis').map(kpiLine)} none="None" />, question: 'kpis' },
      { key: 'Reason', value: pick(typed, 'why'), question: 'why' },
    ],
    button: 'Add them to the contract',
  },
  submit: async (c, value) => (await amend(contractsTable, c.caller, c.id, value)).id,
  done: (c) => ({ panel: 'Milestones and KPIs added', body: <Added c={c} /> }),
};

function Added({ c }: { c: ContractCtx }) {
  return (
    <>
      <p class="govuk-body">
        The change is kept in the contract’s amendments. While the contract is active, {c.supplier.name} is emailed a link to send the
        evidence for each new milestone before it is due; one already past an alert time is alerted at the next 9am.
      </p>
      <GoTo href={contractHref(c.id, 'milestones')}>Go to the contract’s milestones</GoTo>
    </>
  );
}

/** The milestones whose date may still move: any not met (a met one is final). */
const movable = (c: Pick<ContractCtx, 'milestones'>) => c.milestones.filter((m) => m.status !== 'met');
const dueField = (id: string) => `dueDates.${id}`;

/** The fields of "Amend the contract": a milestone's new date for each that may move, so they depend on the contract. */
export function amendContractJourney(milestoneIds: string[]): Journey<typeof amendmentBody, ContractCtx, Caller> {
  return {
    ...amendment('contract-amendment', 'amendments/new', 'Amend the contract'),
    questions: [
      {
        id: 'change',
        heading: 'What changes?',
        fields: {
          value: { label: 'New value', as: 'pounds', optional: true },
          endDate: { label: 'New end date', as: 'date', optional: true },
          ...Object.fromEntries(
            milestoneIds.map((id) => [dueField(id), { label: `New due date of ${id}`, as: 'date' as const, optional: true }]),
          ),
        },
        body: ({ ctx, field }) => (
          <>
            <p class="govuk-body">Fill in only what changes; leave the rest blank.</p>
            <field.Pounds name="value" label="New value" hint={`It is ${pounds(ctx.value)} now.`} />
            <field.Day
              name="endDate"
              legend="New end date"
              hint={`It ends on ${dayInWords(ctx.period.endDate)} now. For example, 31 3 2028.`}
            />
            {movable(ctx).map((m) => (
              <field.Day name={dueField(m.id)} legend={`New due date of ${m.id}`} hint={`${m.title}: due ${dayInWords(m.dueDate)} now.`} />
            ))}
          </>
        ),
      },
      whyQuestion('Why is the contract changing?'),
    ],
    check: {
      rows: (typed, c) => [
        { key: 'What changes', value: <Lines items={changeLines(typed, c)} none="Nothing yet" />, question: 'change' },
        { key: 'Reason', value: pick(typed, 'why'), question: 'why' },
      ],
      button: 'Amend the contract',
      note: 'Above the threshold, a change of more than 10% of the value or the term is published as a contract change notice (UK10).',
    },
    submit: async (c, value) => (await amend(contractsTable, c.caller, c.id, value)).id,
    done: (c) => ({
      panel: 'Contract amended',
      body: (
        <>
          <p class="govuk-body">
            The contract is now worth {pounds(c.value)} and runs to {dayInWords(c.period.endDate)}. The change and its reason are in its
            amendments; milestones that moved are alerted on their new dates.
          </p>
          <GoTo href={contractHref(c.id)}>Go to the contract</GoTo>
        </>
      ),
    }),
  };
}

function changeLines(typed: PostedForm, c: ContractCtx): string[] {
  const out: string[] = [];
  if (pick(typed, 'value')) out.push(`Value: ${pounds(c.value)} to ${typedPounds(typed.value)}`);
  if (pick(typed, 'endDate-year')) out.push(`End date: ${dayInWords(c.period.endDate)} to ${typedDay(typed, 'endDate')}`);
  for (const m of movable(c))
    if (pick(typed, `${dueField(m.id)}-year`))
      out.push(`${m.id} ${m.title}: due ${dayInWords(m.dueDate)} to ${typedDay(typed, dueField(m.id))}`);
  return out;
}

export const addMilestonesPage = journeyPage(addMilestonesJourney);

/** The journey is made for the contract's own milestones, once it is known the caller may amend it. */
export async function amendContractPage(req: PageRequest<Caller>): Promise<PageResult> {
  const c = await contractFor(req.caller, req.params.contractId ?? '');
  return journeyPage(amendContractJourney(movable(c).map((m) => m.id)))(req);
}
