import { defineSlice, functionsIn, mailing, read, readWrite, workflow } from '../platform/catalog';
import { tendersEventNotes, tendersEvents } from './events';

const callbacks = [...readWrite, 'task-callback'] as const;
const step = [...readWrite, 'mail', 'task-callback'] as const;

const { api, open, task, onEvent, pages } = functionsIn('tenders');

const jointTender = workflow('joint-tender', 'workflows/tenders-joint-tender.asl.json', {
  requestSignOff: task('request-sign-off', 'park the sign-off token, ask each funder', step),
  escalateSignOff: task('escalate-sign-off', 'sign-off timed out; the lead decides', mailing),
  returnToDraft: task('return-to-draft', 'a refusal sends the tender back to draft', readWrite),
  publishTender: task('publish-tender', 'reserve the budget and publish (UK4)', mailing),
  awaitDeadline: task('await-deadline', 'wait for the submission deadline', readWrite),
  closeSubmissions: task('close-submissions', 'unseal bids, ask the panel', mailing),
  awaitEvaluation: task('await-evaluation', 'wait for the panel to finish', readWrite),
  requestAwardVotes: task('request-award-votes', 'ask the funders to approve the award', step),
  sendAssessmentSummaries: task('send-assessment-summaries', 'each bidder its assessment summary, before the UK6 (s.50(3))', mailing),
  startStandstill: task('start-standstill', 'the UK6 and the standstill the regime asks for (mandatory, voluntary or none)', mailing),
  awaitStandstill: task('await-standstill', 'wait for the standstill to end', readWrite),
  checkLot: task('check-lot', 'is this lot challenged?', readWrite),
  awaitChallenge: task('await-challenge', 'wait for a challenge to be resolved', readWrite),
  awardLot: task('award-lot', 'award a lot as a grant from the reserve', readWrite),
  completeTender: task('complete-tender', 'release what is left, UK7, tell everyone', mailing),
  endUnsuccessful: task('end-unsuccessful', 'no bids or no award; release the reserve', mailing),
  tenderCancelled: task('tender-cancelled', 'tell funders and providers of a cancellation', mailing),
});

export const tendersSlice = defineSlice({
  feature: 'tenders',
  summary:
    'Joint tenders: co-designed and co-funded from a pool (budget reserved), sealed bids by emailed link, scoring, award by weighted quorum, standstill and challenges, grants per lot.',
  functions: {
    draftTender: api('draft-tender', 'POST /consortia/{consortiumId}/tenders', readWrite),
    listTenders: api('list-tenders', 'GET /consortia/{consortiumId}/tenders', read),
    getTender: api('get-tender', 'GET /tenders/{tenderId} (no bid count before the deadline)', read),
    editDraftTender: api('edit-draft-tender', 'PUT /tenders/{tenderId} (a draft, by the lead)', readWrite),
    submitForSignOff: api('submit-for-sign-off', 'POST /tenders/{tenderId}/sign-off-request', readWrite),
    signOff: api('sign-off', 'POST /tenders/{tenderId}/sign-offs', callbacks),
    leadSignOffDecision: api('lead-sign-off-decision', 'POST /tenders/{tenderId}/sign-off-decision', callbacks),
    inviteProvider: api('invite-provider', 'POST /tenders/{tenderId}/invitations (the links go by sendInterestLinks)', readWrite),
    sendInterestLinks: onEvent(
      'send-interest-links',
      "tender.interest-registered → the provider's links to bid and to ask questions, once",
      mailing,
    ),
    registerInterest: open('register-interest', 'POST /tenders/{tenderId}/interest (public)', mailing),
    listQuestions: api('list-questions', 'GET /tenders/{tenderId}/questions', read),
    answerQuestion: api('answer-question', 'POST /tenders/{tenderId}/questions/{questionId}/answer', readWrite),
    tellProvidersOfAnswer: onEvent(
      'tell-providers-of-answer',
      'tender.question-answered → the answer to every registered provider, the asker unnamed',
      mailing,
    ),
    tellLeadOfQuestion: onEvent(
      'tell-lead-of-question',
      "tender.question-asked → the lead's officers and admins, with the question and its clarifications page",
      mailing,
    ),
    declareConflict: api('declare-conflict', 'POST /tenders/{tenderId}/conflicts', readWrite),
    scoreBid: api('score-bid', 'POST /tenders/{tenderId}/scores', readWrite),
    moderate: api('moderate', 'POST /tenders/{tenderId}/moderations', readWrite),
    getEvaluation: api('get-evaluation', 'GET /tenders/{tenderId}/evaluation', read),
    completeEvaluation: api('complete-evaluation', 'POST /tenders/{tenderId}/evaluation', callbacks),
    voteOnAward: api('vote-on-award', 'POST /tenders/{tenderId}/award-votes', callbacks),
    recordChallenge: api('record-challenge', 'POST /tenders/{tenderId}/challenges', readWrite),
    resolveChallenge: api('resolve-challenge', 'POST /tenders/{tenderId}/challenges/{challengeId}/resolution', callbacks),
    cancelTender: api('cancel-tender', 'POST /tenders/{tenderId}/cancel', callbacks),
    tendersPages: pages(
      'pages',
      "Pages: a consortium's tenders; a tender's overview (stage, sign-off, invitations) and clarifications; cancelling it",
      ['GET /app/consortia/{consortiumId}/tenders', 'GET POST /app/tenders/{tenderId}', 'GET POST /app/tenders/{tenderId}/clarifications'],
      'task-callback',
    ),
    tendersCancelPage: pages(
      'cancel-pages',
      'Page: cancelling a tender ("Are you sure", a reason; its reserved money released)',
      ['GET POST /app/tenders/{tenderId}/cancel'],
      'task-callback',
    ),
    tendersEvaluationPages: pages(
      'evaluation-pages',
      "Pages: a tender's bids and evaluation (bid count after the deadline, scoring, moderation) and award (vote, challenges)",
      ['GET POST /app/tenders/{tenderId}/bids', 'GET POST /app/tenders/{tenderId}/award'],
      'task-callback',
    ),
    tendersJourneys: pages(
      'journeys',
      'Journeys: drafting a tender as a task list, and changing a draft, through the same use cases as the API',
      ['GET POST /app/consortia/{consortiumId}/tenders/new', 'GET POST /app/tenders/{tenderId}/edit'],
    ),
    tenderOcds: api('tender-ocds', 'GET /tenders/{tenderId}/ocds: releases and the compiled record (bids only after the deadline)', [
      ...read,
      'open-data',
    ]),
    viewBidLink: open('view-link', 'GET /b/{token}: the bid or question form behind an emailed link', read),
    submitBidLink: open('submit-link', 'POST /b/{token}: a bid or a question', mailing),
    startTenderWorkflow: onEvent('start-tender-workflow', 'tender.submitted-for-sign-off → start the tender workflow', [
      { startWorkflow: 'joint-tender' },
    ]),
    ...jointTender.tasks,
  },
  ruleIds: { startTenderWorkflow: 'StartJointTender' },
  workflows: [jointTender.spec],
  events: tendersEvents,
  eventNotes: tendersEventNotes,
  linkKinds: ['bid', 'tender-question'],
});
