import type { loadConsortium } from '../../shared/consortia/access';
import type { Caller } from '../../shared/consortia/caller';
import { poolsTable } from '../../shared/pools/aws';
import type { loadPool } from '../../shared/pools/pools';
import { openRound, ROUND_CLOSE_WINDOW_DAYS, VOTING_WINDOW_DAYS } from '../../shared/pools/rounds';
import { lengthHint } from '../lib/web/form';
import { GoTo } from '../lib/web/inputs';
import { type Journey, journeyPage } from '../lib/web/journey';
import type { PageRequest } from '../lib/web/page-route';
import { poolChrome, poolForLeadAdmins } from './journey-parts';
import { newRound } from './schemas';

/**
 * Opening an allocation round on a pool (issue 24), by the lead's admins: its name, check your
 * answers, confirmation. The input is the JSON route's own (`newRound`: a round has only a name;
 * its voting deadline is set when the lead closes it for voting).
 */
type Ctx = { pool: Awaited<ReturnType<typeof loadPool>>; consortium: Awaited<ReturnType<typeof loadConsortium>>; caller: Caller };

export const newRoundJourney: Journey<typeof newRound, Ctx, Caller> = {
  key: (p) => `new-round:${p.poolId}`,
  path: (p) => `/app/pools/${p.poolId}/rounds/new`,
  schema: newRound,
  title: 'Open a round',
  load: async (req: PageRequest<Caller>) => {
    const { pool, consortium } = await poolForLeadAdmins(req.caller, req.params.poolId ?? '');
    return { pool, consortium, caller: req.caller };
  },
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
  submit: async (c, value) => (await openRound(poolsTable, c.caller, c.pool.id, value)).id,
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
