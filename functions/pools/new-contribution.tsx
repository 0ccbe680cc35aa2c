import { actingOrg } from '../../shared/consortia/access';
import type { Caller } from '../../shared/consortia/caller';
import { notFound } from '../../shared/platform/errors';
import { dayInWords, pounds } from '../../shared/platform/format';
import { poolsTable } from '../../shared/pools/aws';
import { restrictionInWords } from '../../shared/pools/pool-page';
import { recordContribution } from '../../shared/pools/pools';
import { SummaryList } from '../lib/web/govuk';
import { GoTo } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import { typedPounds } from '../lib/web/typed';
import { financialYearInWords, poolChrome, readablePoolOf } from './journey-parts';
import { newContribution } from './schemas';

/**
 * Recording money received against a pledge (issue 24), by the lead's officers who hold the
 * pool's account: how much, the day it arrived (a GOV.UK date input) and which year of the
 * pledge it pays; check your answers; confirmation. The input is the JSON route's own
 * (`newContribution`), and `recordContribution` refuses more than is still due.
 */
type Ctx = Awaited<ReturnType<typeof readablePoolOf>> & {
  pledge: NonNullable<Awaited<ReturnType<typeof poolsTable.pools.getPledge>>>;
  funder: string;
};

const typedDate = (typed: Record<string, unknown>) => {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => String(typed[`receivedOn-${p}`] ?? '').trim());
  const iso = `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(Date.parse(iso)) ? dayInWords(iso) : [d, m, y].join('/');
};

export const newContributionJourney: Journey<typeof newContribution, Ctx, Caller> = {
  ...journeyAt('new-contribution', (p) => `/app/pools/${p.poolId}/pledges/${p.pledgeId}/contributions/new`),
  schema: newContribution,
  title: 'Record money received',
  load: async (req) => {
    const found = await readablePoolOf(req);
    // The lead's officers only (recordContribution's rule); anyone else gets the not-found page.
    actingOrg(found.caller, found.consortium, ['lead'], 'officer', { what: 'pool', id: found.pool.id });
    const pledge = await poolsTable.pools.getPledge(found.pool.id, req.params.pledgeId ?? '');
    if (!pledge) throw notFound('pledge', req.params.pledgeId ?? '');
    const funder = (await poolsTable.consortia.getOrganisation(pledge.funderOrgId))?.name ?? 'The funder';
    return { ...found, pledge, funder };
  },
  chrome: poolChrome,
  fixed: (c) => ({ currency: c.pool.currency }),
  questions: [
    {
      id: 'money',
      heading: 'What money has been received?',
      fields: {
        amount: { label: 'Amount received', as: 'pounds', missing: 'Enter the amount received' },
        receivedOn: { label: 'Date received', as: 'date', missing: 'Enter the date the money was received' },
        // Left unchosen, the use case takes the financial year the date falls in, as the API does.
        financialYear: { label: 'Year of the pledge it pays', as: 'choice', optional: true },
      },
      body: ({ ctx, typed, field }) => (
        <>
          <SummaryList
            rows={[
              ['Pledge from', ctx.funder],
              ['Restriction', restrictionInWords(ctx.pledge.restriction, ctx.pool.lots)],
            ]}
          />
          <field.Pounds name="amount" label="Amount received" />
          <field.Day name="receivedOn" legend="Date received" hint="The day it reached the pool's bank account, for example 5 12 2026" />
          <field.Choice
            name="financialYear"
            legend="Year of the pledge it pays"
            hint="If you do not choose, it is the financial year the date received falls in."
            options={ctx.pledge.years.map((y) => ({
              value: y.financialYear,
              label: financialYearInWords(y.financialYear),
              hint: `Still due: ${pounds(y.amount - y.received)}`,
            }))}
            // A pledge of one year has it chosen already.
            value={String(typed.financialYear ?? (ctx.pledge.years.length === 1 ? ctx.pledge.years[0]?.financialYear : ''))}
          />
        </>
      ),
    },
  ],
  check: {
    rows: (typed, ctx) => [
      { key: 'From', value: ctx.funder, question: 'money' },
      { key: 'Amount received', value: typedPounds(typed.amount), question: 'money' },
      { key: 'Date received', value: typedDate(typed), question: 'money' },
      { key: 'Year of the pledge', value: String(typed.financialYear ?? ''), question: 'money' },
    ],
    button: 'Record the money',
  },
  submit: async (c, value) => String((await recordContribution(poolsTable, c.caller, c.pool.id, c.pledge.id, value)).seq),
  done: (c) => ({
    panel: 'Money recorded',
    body: (
      <>
        <p class="govuk-body">
          The money from {c.funder} is in the pool's ledger: it counts as received, and can fund grants from {c.pool.name}
          {c.pledge.restriction.kind === 'core' ? '' : ' in its lot'}. Votes on the pool's rounds are weighted by the money each funder has
          paid in. No one is emailed.
        </p>
        <GoTo href={`/app/pools/${encodeURIComponent(c.pool.id)}`}>Go to the pool</GoTo>
      </>
    ),
  }),
};

export const newContributionPage = journeyPage(newContributionJourney);
