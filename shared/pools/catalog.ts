import { defineSlice, functionsIn, mailing, read, readWrite, workflow } from '../platform/catalog';
import { poolsEventNotes, poolsEvents } from './events';

const { api, task, onEvent, pages } = functionsIn('pools');

const allocationRound = workflow('allocation-round', 'workflows/pools-allocation-round.asl.json', {
  awaitRoundClose: task('await-round-close', 'store the token the close call resumes', ['table-write']),
  requestVotes: task('request-votes', 'store the decision token and ask the voting funders', [...readWrite, 'mail', 'task-callback']),
  escalateRound: task('escalate-round', 'voting timed out; ask the lead to decide', [...readWrite, 'mail', 'task-callback']),
  settleRound: task('settle-round', 'record the round outcome', mailing),
  commitProposal: task('commit-proposal', 'commit one approved proposal as a grant', readWrite),
  notifyRoundCommitted: task('notify-round-committed', 'tell the funders what was committed', mailing),
});

export const poolsSlice = defineSlice({
  feature: 'pools',
  summary:
    'Pooled funds and rounds: pledges, contributions, awards and payments on an exact ledger; statements, 360Giving; weighted votes.',
  functions: {
    poolsPages: pages(
      'pages',
      'Pages: a pool (figures, charts, pledges, ledger CSV, 360Giving, who pays); a funder statement (CSV); a round (votes, closing)',
      ['GET /app/pools/{poolId}', 'GET /app/pools/{poolId}/statement/{orgId}', 'GET POST /app/rounds/{roundId}'],
      'task-callback',
    ),
    poolsJourneys: pages(
      'journeys',
      'Journeys: create a pool; record a pledge and money received; open a round; add a proposal; award a grant from a pool',
      [
        'GET POST /app/consortia/{consortiumId}/pools/new',
        'GET POST /app/pools/{poolId}/pledges/new',
        'GET POST /app/pools/{poolId}/pledges/{pledgeId}/contributions/new',
        'GET POST /app/pools/{poolId}/rounds/new',
        'GET POST /app/pools/{poolId}/grants/new',
        'GET POST /app/rounds/{roundId}/proposals/new',
      ],
    ),
    createPool: api('create-pool', 'POST /consortia/{consortiumId}/pools', readWrite),
    freeRiders: api('free-riders', 'GET /consortia/{consortiumId}/free-riders', read),
    getPool: api('get-pool', 'GET /pools/{poolId}', read),
    recordPledge: api('record-pledge', 'POST /pools/{poolId}/pledges', readWrite),
    recordContribution: api('record-contribution', 'POST /pools/{poolId}/pledges/{pledgeId}/contributions', readWrite),
    allocate: api('allocate', 'POST /pools/{poolId}/allocations', readWrite),
    poolLedger: api('pool-ledger', 'GET /pools/{poolId}/ledger', read),
    funderStatement: api('funder-statement', 'GET /pools/{poolId}/funders/{orgId}/statement', read),
    export360Giving: api('export-360giving', 'GET /pools/{poolId}/360giving', read),
    openRound: api('open-round', 'POST /pools/{poolId}/rounds', readWrite),
    grantPayment: api('grant-payment', 'POST /grants/{grantId}/payments', readWrite),
    grantReturn: api('grant-return', 'POST /grants/{grantId}/returns', readWrite),
    getRound: api('get-round', 'GET /rounds/{roundId}', read),
    addProposal: api('add-proposal', 'POST /rounds/{roundId}/proposals', readWrite),
    closeRound: api('close-round', 'POST /rounds/{roundId}/close', [...readWrite, 'task-callback']),
    voteRound: api('vote', 'POST /rounds/{roundId}/votes', [...readWrite, 'task-callback']),
    leadDecision: api('lead-decision', 'POST /rounds/{roundId}/decision', [...readWrite, 'task-callback']),
    startRoundWorkflow: onEvent('start-round-workflow', 'round.opened → start the allocation-round workflow', [
      { startWorkflow: 'allocation-round' },
    ]),
    ...allocationRound.tasks,
  },
  ruleIds: { startRoundWorkflow: 'StartAllocationRound' },
  workflows: [allocationRound.spec],
  events: poolsEvents,
  eventNotes: poolsEventNotes,
});
