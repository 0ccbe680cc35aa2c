import { defineApi, idsPath, tokenPath } from '../lib/api';
import { challengePath, consortiumIdPath, ocdsQuery, questionPath, tenderIdPath } from './paths';
import {
  answerBody,
  awardVoteBody,
  cancelBody,
  challengeBody,
  conflictBody,
  leadDecisionBody,
  moderationBody,
  newTender,
  providerBody,
  resolutionBody,
  scoreBody,
  signOffBody,
} from './schemas';
import * as views from './views';

const forms = (actions: string) => `\`csrf\`, \`action\` (${actions}) and the fields of that form.`;

const draftForm =
  "`csrf`, `page` (about, procedure, lots, criteria, dates, documents, funding, panel, check), `do` (add, continue, remove-<n>) and the task's fields.";

export const tendersApi = defineApi({
  'POST /consortia/{consortiumId}/tenders': {
    summary: 'Drafts a joint tender funded from a pool (the lead).',
    status: 201,
    path: consortiumIdPath,
    body: newTender,
    response: views.tender,
  },
  'GET /consortia/{consortiumId}/tenders': {
    summary: "The consortium's tenders.",
    path: consortiumIdPath,
    response: views.tenders,
  },
  'GET /tenders/{tenderId}': { summary: 'A tender.', path: tenderIdPath, response: views.tenderView },
  'PUT /tenders/{tenderId}': {
    summary: 'Changes a draft (the lead): the whole tender again, as drafted; only while it is a draft, such as after a refused sign-off.',
    path: tenderIdPath,
    body: newTender,
    response: views.tender,
  },
  'POST /tenders/{tenderId}/sign-off-request': {
    summary: 'Sends the draft to every funder for sign-off (the lead).',
    path: tenderIdPath,
    response: views.tender,
  },
  'POST /tenders/{tenderId}/sign-offs': {
    summary: "A funder's approval or refusal of the specification and its contribution.",
    status: 201,
    path: tenderIdPath,
    body: signOffBody,
    response: views.signOffTally,
  },
  'POST /tenders/{tenderId}/sign-off-decision': {
    summary: "The lead's decision after a refusal or a timeout: proceed, or back to draft.",
    path: tenderIdPath,
    body: leadDecisionBody,
    response: views.leadSignOff,
  },
  'POST /tenders/{tenderId}/invitations': {
    summary: 'Invites a provider to bid, by an emailed link (the lead).',
    status: 201,
    path: tenderIdPath,
    body: providerBody,
    response: views.invited,
  },
  'POST /tenders/{tenderId}/interest': {
    summary: "A provider's interest in a published tender: the bid link is emailed to the address given.",
    status: 202,
    path: tenderIdPath,
    body: providerBody,
    response: views.interest,
  },
  'GET /tenders/{tenderId}/questions': {
    summary: 'Clarification questions and answers.',
    path: tenderIdPath,
    response: views.questions,
  },
  'POST /tenders/{tenderId}/questions/{questionId}/answer': {
    summary: 'Answers a question; every registered provider is told, without naming who asked.',
    path: questionPath,
    body: answerBody,
    response: views.answered,
  },
  'POST /tenders/{tenderId}/conflicts': {
    summary: "A panel member's conflict of interest with a bid.",
    status: 201,
    path: tenderIdPath,
    body: conflictBody,
    response: views.tender,
  },
  'POST /tenders/{tenderId}/scores': {
    summary: "A panel member's scores for a bid, by quality criterion.",
    status: 201,
    path: tenderIdPath,
    body: scoreBody,
    response: views.tender,
  },
  'POST /tenders/{tenderId}/moderations': {
    summary: 'A moderated score with its reason (the lead).',
    status: 201,
    path: tenderIdPath,
    body: moderationBody,
    response: views.tender,
  },
  'GET /tenders/{tenderId}/evaluation': {
    summary: 'The evaluation: scores, moderations and ranking (sealed until submissions close).',
    path: tenderIdPath,
    response: views.evaluation,
  },
  'POST /tenders/{tenderId}/evaluation': {
    summary: 'Completes the evaluation; the funders are asked to approve the award.',
    path: tenderIdPath,
    response: views.evaluationCompleted,
  },
  'POST /tenders/{tenderId}/award-votes': {
    summary: "A funder's vote on the award.",
    status: 201,
    path: tenderIdPath,
    body: awardVoteBody,
    response: views.awardVote,
  },
  'POST /tenders/{tenderId}/challenges': {
    summary: 'A challenge to an award during standstill (the lead records it).',
    status: 201,
    path: tenderIdPath,
    body: challengeBody,
    response: views.tender,
  },
  'POST /tenders/{tenderId}/challenges/{challengeId}/resolution': {
    summary: 'Resolves a challenge: dismissed or upheld.',
    path: challengePath,
    body: resolutionBody,
    response: views.challengeResolved,
  },
  'POST /tenders/{tenderId}/cancel': {
    summary: 'Cancels a tender, with a reason; its pool money is released.',
    path: tenderIdPath,
    body: cancelBody,
    response: views.cancelled,
  },
  'GET /tenders/{tenderId}/ocds': {
    summary: "The tender's OCDS record package (or release package with ?package=release).",
    path: tenderIdPath,
    query: ocdsQuery,
    response: views.ocdsPackage,
  },
  'GET /app/consortia/{consortiumId}/tenders': { summary: "The consortium's tender pipeline.", path: idsPath('consortiumId') },
  'GET /app/tenders/{tenderId}': {
    summary: "A tender's overview: summary, lots, documents, sign-offs, and the forms its stage asks for.",
    path: idsPath('tenderId'),
  },
  'POST /app/tenders/{tenderId}': {
    summary: "The overview's forms.",
    status: 303,
    path: idsPath('tenderId'),
    form: forms('sign-off-request, sign-off, lead-decision, invite'),
  },
  'GET /app/tenders/{tenderId}/clarifications': {
    summary: "A tender's clarification questions, with the lead's answer forms.",
    path: idsPath('tenderId'),
  },
  'POST /app/tenders/{tenderId}/clarifications': {
    summary: 'Answers a clarification question.',
    status: 303,
    path: idsPath('tenderId'),
    form: forms('answer'),
  },
  'GET /app/tenders/{tenderId}/bids': {
    summary: "A tender's bids (a count after the deadline) and its evaluation for the panel.",
    path: idsPath('tenderId'),
  },
  'POST /app/tenders/{tenderId}/bids': {
    summary: "The evaluation's forms.",
    status: 303,
    path: idsPath('tenderId'),
    form: forms('conflict, score, moderate, complete-evaluation'),
  },
  'GET /app/tenders/{tenderId}/award': {
    summary: "A tender's award: outcomes, the funders' vote, the standstill and challenges.",
    path: idsPath('tenderId'),
  },
  'POST /app/tenders/{tenderId}/award': {
    summary: "The award's forms.",
    status: 303,
    path: idsPath('tenderId'),
    form: forms('award-vote, challenge, resolve'),
  },
  'GET /app/tenders/{tenderId}/cancel': {
    summary: 'Are you sure you want to cancel the tender? (the lead’s admins)',
    path: idsPath('tenderId'),
  },
  'POST /app/tenders/{tenderId}/cancel': {
    summary: 'Cancels the tender with a reason; its reserved money is released.',
    status: 303,
    path: idsPath('tenderId'),
    form: forms('cancel'),
  },
  'GET /app/consortia/{consortiumId}/tenders/new': {
    summary:
      "Drafting a tender as a task list (about, procedure, lots, criteria, key dates, documents, funding, panel), then check and create (the lead's officers).",
    path: idsPath('consortiumId'),
  },
  'POST /app/consortia/{consortiumId}/tenders/new': {
    summary: 'A task of the draft, or creating it through the same use case as POST /consortia/{consortiumId}/tenders.',
    status: 303,
    path: idsPath('consortiumId'),
    form: draftForm,
  },
  'GET /app/tenders/{tenderId}/edit': {
    summary: "Changing a draft as the same task list, filled in from the tender (the lead's officers, while it is a draft).",
    path: idsPath('tenderId'),
  },
  'POST /app/tenders/{tenderId}/edit': {
    summary: 'A task of the changed draft, or saving it through the same use case as PUT /tenders/{tenderId}.',
    status: 303,
    path: idsPath('tenderId'),
    form: draftForm,
  },
  'GET /b/{token}': { summary: 'The bid (or question) form behind an emailed link (no account).', path: tokenPath, produces: 'html' },
  'POST /b/{token}': {
    summary: 'Submits a bid or a clarification question behind an emailed link.',
    path: tokenPath,
    produces: 'html',
    form: 'The bid form: lots, prices in pounds and the answers to the quality criteria; or a question.',
  },
});
