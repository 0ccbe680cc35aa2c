import type { Caller } from '../../shared/consortia/caller';
import { notFound } from '../../shared/platform/errors';
import { poolsTable } from '../../shared/pools/aws';
import { pledgersFor, recordPledge } from '../../shared/pools/pools';
import type { PostedForm } from '../lib/web/form';
import { asOption, GoTo, ListError } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import { typedPounds } from '../lib/web/typed';
import { financialYearInWords, financialYearOptions, onPool, poolChrome, readablePoolOf, restrictionOptions } from './journey-parts';
import { newPledge } from './schemas';

/**
 * Recording a pledge from the browser (issue 24): which organisation is pledging (those the
 * caller may pledge for, as `recordPledge` decides), its years and amounts one at a time ("add
 * another"), whether the money is restricted to a lot, check your answers, confirmation. The
 * input is the JSON route's own (`newPledge`); the restriction is chosen by a radio and made
 * into the schema's shape.
 */
type Ctx = Awaited<ReturnType<typeof readablePoolOf>> & { funders: { id: string; name: string }[]; now: Date };

const yearsOf = (typed: PostedForm) =>
  Object.keys(typed)
    .map((k) => /^years\.(\d+)\.financialYear$/.exec(k)?.[1])
    .filter((i): i is string => i !== undefined)
    .sort((a, b) => Number(a) - Number(b))
    .map((i) => `${typed[`years.${i}.financialYear`]}: ${typedPounds(typed[`years.${i}.amount`])}`);

export const newPledgeJourney: Journey<typeof newPledge, Ctx, Caller> = {
  ...journeyAt('new-pledge', (p) => `/app/pools/${p.poolId}/pledges/new`),
  schema: newPledge,
  title: 'Record a pledge',
  load: async (req) => {
    const found = await readablePoolOf(req);
    const ids = pledgersFor(found.caller, found.consortium);
    // Someone who may pledge for no organisation gets the not-found page, as pages never say forbidden.
    if (!ids.length) throw notFound('pool', found.pool.id);
    const orgs = await poolsTable.consortia.getOrganisations(ids);
    const funders = ids.map((id) => ({ id, name: orgs.get(id)?.name ?? id }));
    return { ...found, funders, now: poolsTable.clock.now() };
  },
  chrome: poolChrome,
  fixed: (c) => ({ currency: c.pool.currency }),
  // The radio's value is `core` or a lot's id; the schema's restriction is an object. Left blank, the schema says so.
  adapt: (input) => {
    const r = input.restriction;
    if (typeof r !== 'string' || r === '') return input;
    return { ...input, restriction: r === 'core' ? { kind: 'core' } : { kind: 'restricted', lotId: r } };
  },
  questions: [
    {
      id: 'funder',
      heading: 'Who is pledging?',
      fields: { funderOrgId: { label: 'Organisation', as: 'choice', missing: 'Select the organisation that is pledging' } },
      body: ({ ctx, typed, field }) => (
        <field.Choice
          name="funderOrgId"
          legend="Organisation"
          hint="You can pledge for an organisation in the consortium where you are an officer or admin."
          options={ctx.funders.map(asOption)}
          // Someone who can pledge for one organisation only has it chosen for them.
          value={String(typed.funderOrgId ?? (ctx.funders.length === 1 ? ctx.funders[0]?.id : ''))}
        />
      ),
    },
    {
      id: 'years',
      heading: 'How much is pledged for each financial year?',
      // The list's own name, read as the (empty) array its items are added to: left empty, the schema's minimum says what to add.
      fields: { years: { label: 'Years and amounts', as: 'checkboxes', missing: 'Add at least one financial year and its amount' } },
      list: {
        path: 'years',
        item: {
          financialYear: { label: 'Financial year', as: 'choice', missing: 'Select the financial year' },
          amount: { label: 'Amount for the year', as: 'pounds', missing: 'Enter the amount pledged for the year' },
        },
        max: 10,
        noun: 'this year',
        describe: (y) => `${financialYearInWords(String(y.financialYear ?? ''))}: ${typedPounds(y.amount)}`,
      },
      body: ({ ctx, errors, item }) => (
        <>
          <ListError id="years" errors={errors} />
          <p class="govuk-body">Add each financial year the pledge covers (April to March), then continue.</p>
          <item.Choice name="financialYear" legend="Financial year" options={financialYearOptions(ctx.now)} />
          <item.Pounds name="amount" label="Amount for the year" />
        </>
      ),
    },
    {
      id: 'restriction',
      heading: 'Is the money restricted to a lot?',
      fields: { restriction: { label: 'Restriction', as: 'choice', missing: 'Select whether the money is restricted to a lot' } },
      body: ({ ctx, field }) => (
        <field.Choice
          name="restriction"
          legend="Restriction"
          hint="Restricted money can only fund grants in its lot."
          options={restrictionOptions(ctx.pool.lots)}
        />
      ),
    },
  ],
  check: {
    rows: (typed, ctx) => [
      { key: 'Organisation', value: ctx.funders.find((f) => f.id === typed.funderOrgId)?.name ?? '', question: 'funder' },
      { key: 'Years and amounts', value: yearsOf(typed).join(', ') || 'None yet', question: 'years' },
      {
        key: 'Restriction',
        value: restrictionOptions(ctx.pool.lots).find((o) => o.value === typed.restriction)?.label ?? '',
        question: 'restriction',
      },
    ],
    button: 'Record the pledge',
  },
  submit: onPool(recordPledge),
  done: (c) => ({
    panel: 'Pledge recorded',
    body: (
      <>
        <p class="govuk-body">
          The pledge is on {c.pool.name}'s page and counts towards what the pool has been promised. No one is emailed.
        </p>
        <p class="govuk-body">
          When the money arrives, an officer of the lead organisation records it against the pledge on the pool's page: only money received
          can fund grants.
        </p>
        <GoTo href={`/app/pools/${encodeURIComponent(c.pool.id)}`}>Go to the pool</GoTo>
      </>
    ),
  }),
};

export const newPledgePage = journeyPage(newPledgeJourney);
