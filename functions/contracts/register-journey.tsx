import type { Caller } from '../../shared/consortia/caller';
import { contractsTable } from '../../shared/contracts/aws';
import { registerContract } from '../../shared/contracts/contracts';
import { readGrant, readPool } from '../../shared/pools/dynamodb-pool-reader';
import { lengthHint, type PostedForm } from '../lib/web/form';
import { Lines } from '../lib/web/govuk';
import { GoTo, ListError } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import type { PageRequest } from '../lib/web/page-route';
import { itemsOf, typedDay, typedPounds } from '../lib/web/typed';
import { type CouncilCtx, contractHref, contractsHref, councilChrome, councilFor, fromOne, pick } from './journey-parts';
import { KpiInputs, kpiItem, kpiLine, MilestoneInputs, milestoneItem, milestoneLine, paymentLine } from './milestone-fields';
import { newContract } from './schemas';

/**
 * Registering a contract from the browser (issue 25), as GOV.UK's task list: the contract, the
 * supplier, where the money comes from, the payment schedule, milestones and KPIs, each a
 * question page ("add another" where there are several), in any order; then check and register.
 * The whole is sent once, through the JSON route's own schema (`newContract`) and use case
 * (`registerContract`), so its refusals (payments not adding up, a date outside the contract)
 * show here, each against its question, as on the API.
 */
const statuses = [
  { value: 'active', label: 'Yes, it is signed', hint: 'Milestone alerts start at once.' },
  { value: 'pending', label: 'Not yet', hint: 'Make it active from its page once it is signed.' },
];
const fundings = [
  { value: 'council', label: 'The council’s own budget' },
  { value: 'pool', label: 'A grant from a consortium’s pool', hint: 'Give the pool and the grant below, as on the grant’s page.' },
];
const descriptionHint = lengthHint(newContract.shape.description);
const orgIdHint = 'As an org-id: GB-CHC-1077001 for a charity in England and Wales, GB-COH-09876543 for a company.';
const labelOf = (options: { value: string; label: string }[], v: unknown) => options.find((o) => o.value === v)?.label ?? '';

/**
 * A payment number (from 1) becomes the schema's index. The money is the council's unless said
 * otherwise (the API's default too): a pool's references typed with no choice made mean a pool;
 * with the council's budget chosen, they are not sent.
 */
function adapt(input: Record<string, unknown>): Record<string, unknown> {
  const milestones = (input.milestones as Record<string, unknown>[] | undefined)?.map(({ payment, ...m }) =>
    payment === undefined ? m : { ...m, payment: fromOne(payment) },
  );
  const funding = input.funding as Record<string, unknown> | undefined;
  if (!funding) return { ...input, milestones };
  const kind = funding.kind ?? (funding.poolId || funding.grantId ? 'pool' : 'council');
  return { ...input, milestones, funding: kind === 'council' ? { kind } : { ...funding, kind } };
}

const periodWords = (typed: PostedForm) =>
  typed['period.startDate-year'] && typed['period.endDate-year']
    ? `Within the contract, ${typedDay(typed, 'period.startDate')} to ${typedDay(typed, 'period.endDate')}.`
    : 'Within the contract’s dates.';

const fundingWords = (typed: PostedForm) =>
  typed['funding.kind'] === 'pool' || (!typed['funding.kind'] && (typed['funding.poolId'] || typed['funding.grantId']))
    ? `A grant from a consortium’s pool: grant ${pick(typed, 'funding.grantId')} from pool ${pick(typed, 'funding.poolId')}`
    : labelOf(fundings, 'council');

export const registerContractJourney: Journey<typeof newContract, CouncilCtx, Caller> = {
  ...journeyAt('new-contract', (p) => `${contractsHref(p.orgId ?? '')}/new`),
  schema: newContract,
  title: 'Register a contract',
  load: (req: PageRequest<Caller>) => councilFor(req.caller, req.params.orgId ?? '', 'officer'),
  chrome: councilChrome,
  adapt,
  taskList: {
    check: 'Check and register the contract',
    intro: (c) => (
      <p class="govuk-body">
        A contract {c.council.name} manages: what it buys, from whom, for how much and when, and the milestones it is managed by. Do the
        tasks in any order; nothing is registered until you check the whole contract and register it.
      </p>
    ),
  },
  questions: [
    {
      id: 'contract',
      task: 'Contract details',
      heading: 'What is the contract?',
      fields: {
        title: { label: 'Contract title', missing: 'Enter the contract title' },
        description: { label: 'Description', optional: true },
        value: { label: 'Value', as: 'pounds', missing: 'Enter the value of the contract' },
        'period.startDate': { label: 'Start date', as: 'date', missing: 'Enter the start date' },
        'period.endDate': { label: 'End date', as: 'date', missing: 'Enter the end date' },
        status: { label: 'Is the contract signed?', as: 'choice', missing: 'Select whether the contract is signed' },
      },
      body: ({ field }) => (
        <>
          <field.Text name="title" label="Contract title" />
          <field.Area name="description" label="Description (optional)" hint={`What the contract buys. ${descriptionHint}`} rows={3} />
          <field.Pounds name="value" label="Value" hint="The whole contract, for example 90,000." />
          <field.Day name="period.startDate" legend="Start date" hint="For example, 1 4 2026." />
          <field.Day name="period.endDate" legend="End date" hint="For example, 31 3 2027." />
          <field.Choice name="status" legend="Is the contract signed?" options={statuses} />
        </>
      ),
    },
    {
      id: 'supplier',
      task: 'Supplier',
      heading: 'Who is the supplier?',
      fields: {
        'supplier.name': { label: 'Supplier name', missing: 'Enter the supplier’s name' },
        'supplier.email': { label: 'Supplier email address', missing: 'Enter the supplier’s email address' },
        'supplier.identifier': { label: 'Charity or company number', optional: true },
      },
      body: ({ field }) => (
        <>
          <field.Text name="supplier.name" label="Supplier name" />
          <field.Text
            name="supplier.email"
            label="Supplier email address"
            hint="Milestone alerts and evidence links go here. No account is needed."
            type="email"
            autocomplete="email"
          />
          <field.Text name="supplier.identifier" label="Charity or company number (optional)" hint={orgIdHint} width="20" />
        </>
      ),
    },
    {
      id: 'funding',
      task: 'Where the money comes from',
      heading: 'Where does the money come from?',
      fields: {
        'funding.kind': { label: 'Where the money comes from', as: 'choice', optional: true },
        'funding.poolId': { label: 'Pool reference', optional: true, missing: 'Enter the pool reference' },
        'funding.grantId': { label: 'Grant reference', optional: true, missing: 'Enter the grant reference' },
      },
      body: ({ typed, field }) => (
        <>
          <field.Choice
            name="funding.kind"
            legend="Where the money comes from"
            options={fundings}
            value={pick(typed, 'funding.kind') || 'council'}
          />
          <field.Text
            name="funding.poolId"
            label="Pool reference"
            hint="Only for a grant from a pool: 26 letters and numbers."
            width="20"
          />
          <field.Text name="funding.grantId" label="Grant reference" hint="The grant for the same amount as the contract." width="20" />
        </>
      ),
    },
    {
      id: 'payments',
      task: 'Payment schedule',
      heading: 'When is the supplier paid?',
      fields: { payments: { label: 'Payment schedule', as: 'list', optional: true } },
      list: {
        path: 'payments',
        item: {
          amount: { label: 'Amount', as: 'pounds', missing: 'Enter the amount of the payment' },
          dueDate: { label: 'Payment date', as: 'date', missing: 'Enter the payment date' },
        },
        max: 100,
        noun: 'payment',
        describe: paymentLine,
      },
      body: ({ typed, errors, item }) => (
        <>
          <ListError id="payments" errors={errors} />
          <p class="govuk-body">
            Add each payment in date order: together they must come to the contract’s value
            {typed.value ? `, ${typedPounds(typed.value)}` : ''}. Each is due within 30 days of its invoice. Or continue without a schedule.
          </p>
          <item.Pounds name="amount" label="Amount" />
          <item.Day
            name="dueDate"
            legend="Payment date"
            hint={`${periodWords(typed)} For example, 30 6 2026: when the supplier invoices for it.`}
          />
        </>
      ),
    },
    {
      id: 'milestones',
      task: 'Milestones',
      heading: 'What are the milestones?',
      fields: { milestones: { label: 'Milestones', as: 'list', optional: true } },
      list: { path: 'milestones', item: milestoneItem(true), max: 100, noun: 'milestone', describe: milestoneLine },
      body: ({ typed, errors, item }) => (
        <>
          <ListError id="milestones" errors={errors} />
          <p class="govuk-body">
            Add each milestone one at a time, or continue without any: you can add them later by amending the contract.
          </p>
          <MilestoneInputs item={item} period={periodWords(typed)} payments />
        </>
      ),
    },
    {
      id: 'kpis',
      task: 'KPIs',
      heading: 'What are the key performance indicators?',
      fields: { kpis: { label: 'KPIs', as: 'list', optional: true } },
      list: { path: 'kpis', item: kpiItem, max: 30, noun: 'KPI', describe: kpiLine },
      body: ({ errors, item }) => (
        <>
          <ListError id="kpis" errors={errors} />
          <p class="govuk-body">Each KPI is rated every quarter on the contract’s page. Add each one, or continue without any.</p>
          <KpiInputs item={item} />
        </>
      ),
    },
  ],
  check: {
    rows: (typed) => [
      { key: 'Contract title', value: pick(typed, 'title'), question: 'contract' },
      { key: 'Description', value: pick(typed, 'description') || 'None', question: 'contract' },
      { key: 'Value', value: typedPounds(typed.value), question: 'contract' },
      { key: 'Dates', value: `${typedDay(typed, 'period.startDate')} to ${typedDay(typed, 'period.endDate')}`, question: 'contract' },
      { key: 'Signed', value: labelOf(statuses, typed.status), question: 'contract' },
      {
        key: 'Supplier',
        value: [typed['supplier.name'], typed['supplier.email'], typed['supplier.identifier']].filter(Boolean).join(', '),
        question: 'supplier',
      },
      { key: 'Money from', value: fundingWords(typed), question: 'funding' },
      { key: 'Payments', value: <Lines items={itemsOf(typed, 'payments').map(paymentLine)} none="No schedule" />, question: 'payments' },
      {
        key: 'Milestones',
        value: <Lines items={itemsOf(typed, 'milestones').map(milestoneLine)} none="None yet" />,
        question: 'milestones',
      },
      { key: 'KPIs', value: <Lines items={itemsOf(typed, 'kpis').map(kpiLine)} none="None" />, question: 'kpis' },
    ],
    button: 'Register the contract',
  },
  submit: async (c, value) => {
    const deps = { ...contractsTable, pools: { getPool: readPool, getGrant: readGrant } };
    return (await registerContract(deps, c.caller, c.council.id, value)).id;
  },
  done: (c, created) => ({ panel: 'Contract registered', body: <Registered c={c} created={created} /> }),
};

function Registered({ c, created }: { c: CouncilCtx; created: string }) {
  return (
    <>
      <p class="govuk-body">
        The contract is on {c.council.name}’s list. While it is active, the supplier is emailed a link to send the evidence for each
        milestone at the times your council’s policy sets before it is due, and the morning after if it is overdue; a milestone already past
        one of those times is alerted at 9am tomorrow (or today, before 9am). No account is needed.
      </p>
      <p class="govuk-body">Evidence that arrives is listed in what needs you; you decide it on the contract’s milestones page.</p>
      <GoTo href={contractHref(created)}>Go to the contract</GoTo>
    </>
  );
}

export const registerContractPage = journeyPage(registerContractJourney);
