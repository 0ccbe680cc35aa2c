import { defineSlice } from '../platform/catalog';
import { poolsEvents } from './events';

const read = ['table-read'] as const;
const readWrite = ['table-read', 'table-write'] as const;
const fn = (name: string) => `functions/pools/${name}.ts`;

export const poolsSlice = defineSlice({
  feature: 'pools',
  summary:
    'Pooled funds and rounds: pledges, contributions, awards and payments on an exact ledger; statements, 360Giving; weighted votes.',
  functions: {
    poolsPages: {
      entry: fn('pages'),
      description: 'Pages: a pool (figures, charts, pledges, ledger CSV, 360Giving, who pays); a funder statement (CSV); a round (votes)',
      needs: [...readWrite, 'web', 'task-callback'],
    },
    createPool: { entry: fn('create-pool'), description: 'POST /consortia/{consortiumId}/pools', needs: readWrite },
    getPool: { entry: fn('get-pool'), description: 'GET /pools/{poolId}', needs: read },
    recordPledge: { entry: fn('record-pledge'), description: 'POST /pools/{poolId}/pledges', needs: readWrite },
    recordContribution: {
      entry: fn('record-contribution'),
      description: 'POST /pools/{poolId}/pledges/{pledgeId}/contributions',
      needs: readWrite,
    },
    allocate: { entry: fn('allocate'), description: 'POST /pools/{poolId}/allocations', needs: readWrite },
    grantPayment: { entry: fn('grant-payment'), description: 'POST /grants/{grantId}/payments', needs: readWrite },
    grantReturn: { entry: fn('grant-return'), description: 'POST /grants/{grantId}/returns', needs: readWrite },
    poolLedger: { entry: fn('pool-ledger'), description: 'GET /pools/{poolId}/ledger', needs: read },
    funderStatement: { entry: fn('funder-statement'), description: 'GET /pools/{poolId}/funders/{orgId}/statement', needs: read },
    freeRiders: { entry: fn('free-riders'), description: 'GET /consortia/{consortiumId}/free-riders', needs: read },
    export360Giving: { entry: fn('export-360giving'), description: 'GET /pools/{poolId}/360giving', needs: read },
    openRound: { entry: fn('open-round'), description: 'POST /pools/{poolId}/rounds', needs: readWrite },
    getRound: { entry: fn('get-round'), description: 'GET /rounds/{roundId}', needs: read },
    addProposal: { entry: fn('add-proposal'), description: 'POST /rounds/{roundId}/proposals', needs: readWrite },
    closeRound: { entry: fn('close-round'), description: 'POST /rounds/{roundId}/close', needs: [...readWrite, 'task-callback'] },
    voteRound: { entry: fn('vote'), description: 'POST /rounds/{roundId}/votes', needs: [...readWrite, 'task-callback'] },
    leadDecision: { entry: fn('lead-decision'), description: 'POST /rounds/{roundId}/decision', needs: [...readWrite, 'task-callback'] },
    startRoundWorkflow: {
      entry: fn('start-round-workflow'),
      description: 'round.opened → start the allocation-round workflow',
      needs: [{ startWorkflow: 'allocation-round' }],
      async: true,
    },
    awaitRoundClose: {
      entry: fn('await-round-close'),
      description: 'Workflow task: store the token the close call resumes',
      needs: ['table-write'],
    },
    requestVotes: {
      entry: fn('request-votes'),
      description: 'Workflow task: store the decision token and ask the voting funders',
      needs: [...readWrite, 'mail', 'task-callback'],
    },
    escalateRound: {
      entry: fn('escalate-round'),
      description: 'Workflow task: voting timed out; ask the lead to decide',
      needs: [...readWrite, 'mail', 'task-callback'],
    },
    settleRound: { entry: fn('settle-round'), description: 'Workflow task: record the round outcome', needs: [...readWrite, 'mail'] },
    commitProposal: {
      entry: fn('commit-proposal'),
      description: 'Workflow task: commit one approved proposal as a grant',
      needs: readWrite,
    },
    notifyRoundCommitted: {
      entry: fn('notify-round-committed'),
      description: 'Workflow task: tell the funders what was committed',
      needs: [...readWrite, 'mail'],
    },
  },
  routes: [
    { method: 'GET', path: '/app/pools/{poolId}', fn: 'poolsPages', auth: 'page' },
    { method: 'GET', path: '/app/consortia/{consortiumId}/pools/new', fn: 'poolsPages', auth: 'page' },
    { method: 'POST', path: '/app/consortia/{consortiumId}/pools/new', fn: 'poolsPages', auth: 'page' },
    { method: 'GET', path: '/app/pools/{poolId}/statement/{orgId}', fn: 'poolsPages', auth: 'page' },
    { method: 'GET', path: '/app/rounds/{roundId}', fn: 'poolsPages', auth: 'page' },
    { method: 'POST', path: '/app/rounds/{roundId}', fn: 'poolsPages', auth: 'page' },
    { method: 'POST', path: '/consortia/{consortiumId}/pools', fn: 'createPool', auth: 'staff' },
    { method: 'GET', path: '/consortia/{consortiumId}/free-riders', fn: 'freeRiders', auth: 'staff' },
    { method: 'GET', path: '/pools/{poolId}', fn: 'getPool', auth: 'staff' },
    { method: 'POST', path: '/pools/{poolId}/pledges', fn: 'recordPledge', auth: 'staff' },
    { method: 'POST', path: '/pools/{poolId}/pledges/{pledgeId}/contributions', fn: 'recordContribution', auth: 'staff' },
    { method: 'POST', path: '/pools/{poolId}/allocations', fn: 'allocate', auth: 'staff' },
    { method: 'GET', path: '/pools/{poolId}/ledger', fn: 'poolLedger', auth: 'staff' },
    { method: 'GET', path: '/pools/{poolId}/funders/{orgId}/statement', fn: 'funderStatement', auth: 'staff' },
    { method: 'GET', path: '/pools/{poolId}/360giving', fn: 'export360Giving', auth: 'staff' },
    { method: 'POST', path: '/pools/{poolId}/rounds', fn: 'openRound', auth: 'staff' },
    { method: 'POST', path: '/grants/{grantId}/payments', fn: 'grantPayment', auth: 'staff' },
    { method: 'POST', path: '/grants/{grantId}/returns', fn: 'grantReturn', auth: 'staff' },
    { method: 'GET', path: '/rounds/{roundId}', fn: 'getRound', auth: 'staff' },
    { method: 'POST', path: '/rounds/{roundId}/proposals', fn: 'addProposal', auth: 'staff' },
    { method: 'POST', path: '/rounds/{roundId}/close', fn: 'closeRound', auth: 'staff' },
    { method: 'POST', path: '/rounds/{roundId}/votes', fn: 'voteRound', auth: 'staff' },
    { method: 'POST', path: '/rounds/{roundId}/decision', fn: 'leadDecision', auth: 'staff' },
  ],
  rules: [{ id: 'StartAllocationRound', detailTypes: ['round.opened'], fn: 'startRoundWorkflow' }],
  workflows: [
    {
      id: 'allocation-round',
      file: 'workflows/pools-allocation-round.asl.json',
      substitutions: {
        AwaitRoundCloseFunctionArn: 'awaitRoundClose',
        RequestVotesFunctionArn: 'requestVotes',
        EscalateRoundFunctionArn: 'escalateRound',
        SettleRoundFunctionArn: 'settleRound',
        CommitProposalFunctionArn: 'commitProposal',
        NotifyRoundCommittedFunctionArn: 'notifyRoundCommitted',
      },
    },
  ],
  events: poolsEvents,
  linkKinds: [],
});
