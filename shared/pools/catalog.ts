import { defineSlice, functionsIn, mailing, read, readWrite, route, workflow } from '../platform/catalog';
import { poolsEventNotes, poolsEvents } from './events';

const { handler, task, onEvent, pages } = functionsIn('pools');

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
      'task-callback',
    ),
    poolsJourneys: pages(
      'journeys',
      'Journeys: create a pool; record a pledge and money received; open a round; add a proposal; award a grant from a pool',
    ),
    createPool: handler('create-pool', 'POST /consortia/{consortiumId}/pools', readWrite),
    getPool: handler('get-pool', 'GET /pools/{poolId}', read),
    recordPledge: handler('record-pledge', 'POST /pools/{poolId}/pledges', readWrite),
    recordContribution: handler('record-contribution', 'POST /pools/{poolId}/pledges/{pledgeId}/contributions', readWrite),
    allocate: handler('allocate', 'POST /pools/{poolId}/allocations', readWrite),
    grantPayment: handler('grant-payment', 'POST /grants/{grantId}/payments', readWrite),
    grantReturn: handler('grant-return', 'POST /grants/{grantId}/returns', readWrite),
    poolLedger: handler('pool-ledger', 'GET /pools/{poolId}/ledger', read),
    funderStatement: handler('funder-statement', 'GET /pools/{poolId}/funders/{orgId}/statement', read),
    freeRiders: handler('free-riders', 'GET /consortia/{consortiumId}/free-riders', read),
    export360Giving: handler('export-360giving', 'GET /pools/{poolId}/360giving', read),
    openRound: handler('open-round', 'POST /pools/{poolId}/rounds', readWrite),
    getRound: handler('get-round', 'GET /rounds/{roundId}', read),
    addProposal: handler('add-proposal', 'POST /rounds/{roundId}/proposals', readWrite),
    closeRound: handler('close-round', 'POST /rounds/{roundId}/close', [...readWrite, 'task-callback']),
    voteRound: handler('vote', 'POST /rounds/{roundId}/votes', [...readWrite, 'task-callback']),
    leadDecision: handler('lead-decision', 'POST /rounds/{roundId}/decision', [...readWrite, 'task-callback']),
    startRoundWorkflow: onEvent('start-round-workflow', 'round.opened → start the allocation-round workflow', [
      { startWorkflow: 'allocation-round' },
    ]),
    ...allocationRound.tasks,
  },
  routes: [
    route.page('GET /app/pools/{poolId}', 'poolsPages'),
    route.page('GET POST /app/consortia/{consortiumId}/pools/new', 'poolsJourneys'),
    route.page('GET POST /app/pools/{poolId}/pledges/new', 'poolsJourneys'),
    route.page('GET POST /app/pools/{poolId}/pledges/{pledgeId}/contributions/new', 'poolsJourneys'),
    route.page('GET POST /app/pools/{poolId}/rounds/new', 'poolsJourneys'),
    route.page('GET POST /app/pools/{poolId}/grants/new', 'poolsJourneys'),
    route.page('GET /app/pools/{poolId}/statement/{orgId}', 'poolsPages'),
    route.page('GET POST /app/rounds/{roundId}', 'poolsPages'),
    route.page('GET POST /app/rounds/{roundId}/proposals/new', 'poolsJourneys'),
    route.staff('POST /consortia/{consortiumId}/pools', 'createPool'),
    route.staff('GET /consortia/{consortiumId}/free-riders', 'freeRiders'),
    route.staff('GET /pools/{poolId}', 'getPool'),
    route.staff('POST /pools/{poolId}/pledges', 'recordPledge'),
    route.staff('POST /pools/{poolId}/pledges/{pledgeId}/contributions', 'recordContribution'),
    route.staff('POST /pools/{poolId}/allocations', 'allocate'),
    route.staff('GET /pools/{poolId}/ledger', 'poolLedger'),
    route.staff('GET /pools/{poolId}/funders/{orgId}/statement', 'funderStatement'),
    route.staff('GET /pools/{poolId}/360giving', 'export360Giving'),
    route.staff('POST /pools/{poolId}/rounds', 'openRound'),
    route.staff('POST /grants/{grantId}/payments', 'grantPayment'),
    route.staff('POST /grants/{grantId}/returns', 'grantReturn'),
    route.staff('GET /rounds/{roundId}', 'getRound'),
    route.staff('POST /rounds/{roundId}/proposals', 'addProposal'),
    route.staff('POST /rounds/{roundId}/close', 'closeRound'),
    route.staff('POST /rounds/{roundId}/votes', 'voteRound'),
    route.staff('POST /rounds/{roundId}/decision', 'leadDecision'),
  ],
  rules: [{ id: 'StartAllocationRound', detailTypes: ['round.opened'], fn: 'startRoundWorkflow' }],
  workflows: [allocationRound.spec],
  events: poolsEvents,
  eventNotes: poolsEventNotes,
});
