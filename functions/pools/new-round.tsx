import type { Caller } from '../../shared/consortia/caller';
import { openRound, ROUND_CLOSE_WINDOW_DAYS, VOTING_WINDOW_DAYS } from '../../shared/pools/rounds';
import { lengthHint } from '../lib/web/form';
import { GoTo } from '../lib/web/inputs';
import { type Journey, journeyAt, journeyPage } from '../lib/web/journey';
import { onPool, poolChrome, poolForLeadAdmins } from './journey-parts';
import { newRound } from './schemas';

/**
 * Opening an allocation round on a pool (issue 24), by the lead's admins: its name, check your
 * answers, confirmation. The input is the JSON route's own (`newRound`: a round has only a name;
 * its voting deadline is set when the lead closes it for voting).
 */
type Ctx = Awaited<ReturnType<typeof poolForLeadAdmins>>;

export const newRoundJourney: Journey<typeof newRound, Ctx, Caller> = {
  ...journeyAt('new-round', (p) => `/app/pools/${p.poolId}/rounds/new`),
  schema: newRound,
  title: 'Open a round',
  load: poolForLeadAdmins,
  // Under the pool it is opened on, in the consortium's rounds.
  chrome: (c) => poolChrome(c, 'rounds'),
  questions: [
    {
      id: 'about',
      heading: 'What is the round called?',
      fields: { name: { label: 'Name of the round', missing: 'Enter the name of the round' } },
      body: ({ ctx, field }) => (
        <>
          <p class="govuk-body">The round takes proposals for grants from {ctx.pool.name}.</p>
          <field.Text
            name="name"
            label="Name of the round"
            hint={`For example, Spring 2027 small grants. ${lengthHint(newRound.shape.name)}`}
          />
        </>
      ),
    },
  ],
  check: {
    rows: (typed, ctx) => [
      { key: 'Name', value: String(typed.name ?? ''), question: 'about' },
      { key: 'Pool', value: ctx.pool.name, question: 'about' },
    ],
    button: 'Open the round',
  },
  submit: onPool(openRound),
  done: (c, roundId) => ({
    panel: 'Round opened',
    body: (
      <>
        <p class="govuk-body">
          Officers of the lead and member organisations of {c.consortium.name} can now add proposals on the round's page. No one is emailed
          yet.
        </p>
        <p class="govuk-body">
          When the proposals are in, close the round for voting within {ROUND_CLOSE_WINDOW_DAYS} days. Every voting member is then emailed
          and has {VOTING_WINDOW_DAYS} days to vote.
        </p>
        <GoTo href={`/app/rounds/${encodeURIComponent(roundId)}`}>Go to the round</GoTo>
      </>
    ),
  }),
};

export const newRoundPage = journeyPage(newRoundJourney);
