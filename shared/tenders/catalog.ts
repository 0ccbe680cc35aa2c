import { defineSlice } from '../platform/catalog';
import { tendersEvents } from './events';

const read = ['table-read'] as const;
const readWrite = ['table-read', 'table-write'] as const;
const callbacks = [...readWrite, 'task-callback'] as const;
const step = [...readWrite, 'mail', 'task-callback'] as const;
const mailing = [...readWrite, 'mail'] as const;
const fn = (name: string) => `functions/tenders/${name}.ts`;

export const tendersSlice = defineSlice({
  feature: 'tenders',
  summary:
    'Joint tenders: co-designed and co-funded from a pool (budget reserved), sealed bids by emailed link, scoring, award by weighted quorum, standstill and challenges, grants per lot.',
  functions: {
    draftTender: { entry: fn('draft-tender'), description: 'POST /consortia/{consortiumId}/tenders', needs: readWrite },
    listTenders: { entry: fn('list-tenders'), description: 'GET /consortia/{consortiumId}/tenders', needs: read },
    getTender: { entry: fn('get-tender'), description: 'GET /tenders/{tenderId} (no bid count before the deadline)', needs: read },
    submitForSignOff: { entry: fn('submit-for-sign-off'), description: 'POST /tenders/{tenderId}/sign-off-request', needs: readWrite },
    signOff: { entry: fn('sign-off'), description: 'POST /tenders/{tenderId}/sign-offs', needs: callbacks },
    leadSignOffDecision: {
      entry: fn('lead-sign-off-decision'),
      description: 'POST /tenders/{tenderId}/sign-off-decision',
      needs: callbacks,
    },
    inviteProvider: { entry: fn('invite-provider'), description: 'POST /tenders/{tenderId}/invitations', needs: [...readWrite, 'mail'] },
    registerInterest: {
      entry: fn('register-interest'),
      description: 'POST /tenders/{tenderId}/interest (public)',
      needs: [...readWrite, 'mail'],
    },
    listQuestions: { entry: fn('list-questions'), description: 'GET /tenders/{tenderId}/questions', needs: read },
    answerQuestion: {
      entry: fn('answer-question'),
      description: 'POST /tenders/{tenderId}/questions/{questionId}/answer',
      needs: readWrite,
    },
    tellProvidersOfAnswer: {
      entry: fn('tell-providers-of-answer'),
      description: 'tender.question-answered → the answer to every registered provider, the asker unnamed',
      needs: mailing,
      async: true,
    },
    declareConflict: { entry: fn('declare-conflict'), description: 'POST /tenders/{tenderId}/conflicts', needs: readWrite },
    scoreBid: { entry: fn('score-bid'), description: 'POST /tenders/{tenderId}/scores', needs: readWrite },
    moderate: { entry: fn('moderate'), description: 'POST /tenders/{tenderId}/moderations', needs: readWrite },
    getEvaluation: { entry: fn('get-evaluation'), description: 'GET /tenders/{tenderId}/evaluation', needs: read },
    completeEvaluation: { entry: fn('complete-evaluation'), description: 'POST /tenders/{tenderId}/evaluation', needs: callbacks },
    voteOnAward: { entry: fn('vote-on-award'), description: 'POST /tenders/{tenderId}/award-votes', needs: callbacks },
    recordChallenge: { entry: fn('record-challenge'), description: 'POST /tenders/{tenderId}/challenges', needs: readWrite },
    resolveChallenge: {
      entry: fn('resolve-challenge'),
      description: 'POST /tenders/{tenderId}/challenges/{challengeId}/resolution',
      needs: callbacks,
    },
    cancelTender: { entry: fn('cancel-tender'), description: 'POST /tenders/{tenderId}/cancel', needs: callbacks },
    tendersPages: {
      entry: fn('pages'),
      description:
        "Pages: a consortium's tenders; a tender (stage, sign-off, clarifications, bid count after the deadline, scoring, moderation, award vote)",
      needs: [...readWrite, 'web', 'task-callback'],
    },
    tenderOcds: {
      entry: fn('tender-ocds'),
      description: 'GET /tenders/{tenderId}/ocds: releases and the compiled record (bids only after the deadline)',
      needs: [...read, 'open-data'],
    },
    viewBidLink: { entry: fn('view-link'), description: 'GET /b/{token}: the bid or question form behind an emailed link', needs: read },
    submitBidLink: { entry: fn('submit-link'), description: 'POST /b/{token}: a bid or a question', needs: [...readWrite, 'mail'] },
    startTenderWorkflow: {
      entry: fn('start-tender-workflow'),
      description: 'tender.submitted-for-sign-off → start the tender workflow',
      needs: [{ startWorkflow: 'joint-tender' }],
      async: true,
    },
    requestSignOff: { entry: fn('request-sign-off'), description: 'Workflow task: park the sign-off token, ask each funder', needs: step },
    escalateSignOff: { entry: fn('escalate-sign-off'), description: 'Workflow task: sign-off timed out; the lead decides', needs: mailing },
    returnToDraft: {
      entry: fn('return-to-draft'),
      description: 'Workflow task: a refusal sends the tender back to draft',
      needs: readWrite,
    },
    publishTender: { entry: fn('publish-tender'), description: 'Workflow task: reserve the budget and publish (UK4)', needs: mailing },
    awaitDeadline: { entry: fn('await-deadline'), description: 'Workflow task: wait for the submission deadline', needs: readWrite },
    closeSubmissions: { entry: fn('close-submissions'), description: 'Workflow task: unseal bids, ask the panel', needs: mailing },
    awaitEvaluation: { entry: fn('await-evaluation'), description: 'Workflow task: wait for the panel to finish', needs: readWrite },
    requestAwardVotes: {
      entry: fn('request-award-votes'),
      description: 'Workflow task: ask the funders to approve the award',
      needs: step,
    },
    startStandstill: {
      entry: fn('start-standstill'),
      description: 'Workflow task: UK6 and the standstill (above threshold)',
      needs: mailing,
    },
    awaitStandstill: { entry: fn('await-standstill'), description: 'Workflow task: wait for the standstill to end', needs: readWrite },
    checkLot: { entry: fn('check-lot'), description: 'Workflow task: is this lot challenged?', needs: readWrite },
    awaitChallenge: { entry: fn('await-challenge'), description: 'Workflow task: wait for a challenge to be resolved', needs: readWrite },
    awardLot: { entry: fn('award-lot'), description: 'Workflow task: award a lot as a grant from the reserve', needs: readWrite },
    completeTender: {
      entry: fn('complete-tender'),
      description: 'Workflow task: release what is left, UK7, tell everyone',
      needs: mailing,
    },
    endUnsuccessful: {
      entry: fn('end-unsuccessful'),
      description: 'Workflow task: no bids or no award; release the reserve',
      needs: mailing,
    },
    tenderCancelled: {
      entry: fn('tender-cancelled'),
      description: 'Workflow task: tell funders and providers of a cancellation',
      needs: mailing,
    },
  },
  routes: [
    { method: 'POST', path: '/consortia/{consortiumId}/tenders', fn: 'draftTender', auth: 'staff' },
    { method: 'GET', path: '/consortia/{consortiumId}/tenders', fn: 'listTenders', auth: 'staff' },
    { method: 'GET', path: '/tenders/{tenderId}', fn: 'getTender', auth: 'staff' },
    { method: 'POST', path: '/tenders/{tenderId}/sign-off-request', fn: 'submitForSignOff', auth: 'staff' },
    { method: 'POST', path: '/tenders/{tenderId}/sign-offs', fn: 'signOff', auth: 'staff' },
    { method: 'POST', path: '/tenders/{tenderId}/sign-off-decision', fn: 'leadSignOffDecision', auth: 'staff' },
    { method: 'POST', path: '/tenders/{tenderId}/invitations', fn: 'inviteProvider', auth: 'staff' },
    { method: 'POST', path: '/tenders/{tenderId}/interest', fn: 'registerInterest', auth: 'public' },
    { method: 'GET', path: '/tenders/{tenderId}/questions', fn: 'listQuestions', auth: 'staff' },
    { method: 'POST', path: '/tenders/{tenderId}/questions/{questionId}/answer', fn: 'answerQuestion', auth: 'staff' },
    { method: 'POST', path: '/tenders/{tenderId}/conflicts', fn: 'declareConflict', auth: 'staff' },
    { method: 'POST', path: '/tenders/{tenderId}/scores', fn: 'scoreBid', auth: 'staff' },
    { method: 'POST', path: '/tenders/{tenderId}/moderations', fn: 'moderate', auth: 'staff' },
    { method: 'GET', path: '/tenders/{tenderId}/evaluation', fn: 'getEvaluation', auth: 'staff' },
    { method: 'POST', path: '/tenders/{tenderId}/evaluation', fn: 'completeEvaluation', auth: 'staff' },
    { method: 'POST', path: '/tenders/{tenderId}/award-votes', fn: 'voteOnAward', auth: 'staff' },
    { method: 'POST', path: '/tenders/{tenderId}/challenges', fn: 'recordChallenge', auth: 'staff' },
    { method: 'POST', path: '/tenders/{tenderId}/challenges/{challengeId}/resolution', fn: 'resolveChallenge', auth: 'staff' },
    { method: 'POST', path: '/tenders/{tenderId}/cancel', fn: 'cancelTender', auth: 'staff' },
    { method: 'GET', path: '/tenders/{tenderId}/ocds', fn: 'tenderOcds', auth: 'staff' },
    { method: 'GET', path: '/app/consortia/{consortiumId}/tenders', fn: 'tendersPages', auth: 'page' },
    { method: 'GET', path: '/app/tenders/{tenderId}', fn: 'tendersPages', auth: 'page' },
    { method: 'POST', path: '/app/tenders/{tenderId}', fn: 'tendersPages', auth: 'page' },
    { method: 'GET', path: '/b/{token}', fn: 'viewBidLink', auth: 'public' },
    { method: 'POST', path: '/b/{token}', fn: 'submitBidLink', auth: 'public' },
  ],
  rules: [
    { id: 'StartJointTender', detailTypes: ['tender.submitted-for-sign-off'], fn: 'startTenderWorkflow' },
    { id: 'TellProvidersOfAnswer', detailTypes: ['tender.question-answered'], fn: 'tellProvidersOfAnswer' },
  ],
  workflows: [
    {
      id: 'joint-tender',
      file: 'workflows/tenders-joint-tender.asl.json',
      substitutions: {
        RequestSignOffFunctionArn: 'requestSignOff',
        EscalateSignOffFunctionArn: 'escalateSignOff',
        ReturnToDraftFunctionArn: 'returnToDraft',
        PublishTenderFunctionArn: 'publishTender',
        AwaitDeadlineFunctionArn: 'awaitDeadline',
        CloseSubmissionsFunctionArn: 'closeSubmissions',
        AwaitEvaluationFunctionArn: 'awaitEvaluation',
        RequestAwardVotesFunctionArn: 'requestAwardVotes',
        StartStandstillFunctionArn: 'startStandstill',
        AwaitStandstillFunctionArn: 'awaitStandstill',
        CheckLotFunctionArn: 'checkLot',
        AwaitChallengeFunctionArn: 'awaitChallenge',
        AwardLotFunctionArn: 'awardLot',
        CompleteTenderFunctionArn: 'completeTender',
        EndUnsuccessfulFunctionArn: 'endUnsuccessful',
        TenderCancelledFunctionArn: 'tenderCancelled',
      },
    },
  ],
  events: tendersEvents,
  linkKinds: ['bid', 'tender-question'],
});
