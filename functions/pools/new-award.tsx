import type { Caller } from '../../shared/consortia/caller';
import { staffPaths } from '../../shared/platform/pages';
import { allocateDirect } from '../../shared/pools/awards';
import { asOption, GoTo } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import { grantQuestions, grantRows, withoutNoLot } from './grant-questions';
import { onPool, poolChrome, poolForLeadAdmins, providers } from './journey-parts';
import { allocationRequest } from './schemas';

/**
 * Awarding a grant straight from a pool, without a round (issue 24: every staff write route has
 * a page), by the lead's admins of an active consortium (allocateDirect's rule): the recipient,
 * what it is for, how much, from which lot and for how long; check your answers; confirmation
 * linking to the grant. The input is the JSON route's own (`allocationRequest`); the money is
 * committed from the pool's eligible funds at once, or the award is refused on check your answers.
 */
type Ctx = Awaited<ReturnType<typeof poolForLeadAdmins>> & { providers: { id: string; name: string }[] };

export const newAwardJourney: Journey<typeof allocationRequest, Ctx, Caller> = {
  ...journeyAt('new-award', (p) => `/app/pools/${p.poolId}/grants/new`),
  schema: allocationRequest,
  title: 'Award a grant from the pool',
  load: async (req) => ({ ...(await poolForLeadAdmins(req)), providers: await providers() }),
  chrome: poolChrome,
  fixed: (c) => ({ currency: c.pool.currency }),
  adapt: withoutNoLot,
  questions: [
    {
      id: 'recipient',
      heading: 'Who receives the grant?',
      fields: { recipientOrgId: { label: 'Recipient', as: 'choice', missing: 'Select the organisation that receives the grant' } },
      body: ({ ctx, field }) => (
        <>
          <field.Choice name="recipientOrgId" legend="Recipient" hint="Providers on grantloop." options={ctx.providers.map(asOption)} />
          <div class="govuk-inset-text">
            If the recipient is not listed, propose the grant in a round instead, where it can be added on the way, or ask a grantloop
            administrator to add it.
          </div>
        </>
      ),
    },
    ...grantQuestions,
  ],
  check: {
    rows: (typed, ctx) => [
      { key: 'Recipient', value: ctx.providers.find((p) => p.id === typed.recipientOrgId)?.name ?? '', question: 'recipient' },
      ...grantRows(typed, ctx),
    ],
    button: 'Award the grant',
    note: "The amount is committed from the pool's money at once: restricted money only funds a grant in its lot.",
  },
  submit: onPool(allocateDirect),
  done: (_c, grantId) => ({
    panel: 'Grant awarded',
    body: (
      <>
        <p class="govuk-body">
          The money is committed from the pool, shared between the funders whose money can fund it. No one is emailed yet. Next, set the
          grant's plan on its page: its conditions, the tranches it is paid in, and the reports it owes.
        </p>
        <GoTo href={staffPaths.grant(encodeURIComponent(grantId))}>Go to the grant</GoTo>
      </>
    ),
  }),
};

export const newAwardPage = journeyPage(newAwardJourney);
