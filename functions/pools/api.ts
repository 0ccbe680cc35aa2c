import { defineApi, idsPath } from '../lib/api';
import { formatQuery } from '../lib/schemas';
import * as z from '../lib/zod';
import {
  allocationRequest,
  consortiumIdPath,
  funderStatementPath,
  grantIdPath,
  leadDecisionBody,
  moneyMovement,
  newContribution,
  newPledge,
  newPool,
  newRound,
  newVote,
  pledgePath,
  poolIdPath,
  proposalRequest,
  roundIdPath,
} from './schemas';
import * as views from './views';

const roundForm =
  '`csrf`, `action` (`vote` with `decision` and `comment`, `lead-decision` with `decision`, or `close` to close the round for voting) and the fields of that form.';

export const poolsApi = defineApi({
  'GET /app/pools/{poolId}': {
    summary: 'A pool: its money by funder, charts and the ledger (the ledger as CSV, or the 360Giving file, by ?format).',
    path: idsPath('poolId'),
    query: z.object({ format: z.optional(z.enum(['ledger-csv', '360giving'])) }),
    downloads: {
      'text/csv': { when: '?format=ledger-csv' },
      'application/json': { when: '?format=360giving', schema: views.giving360 },
    },
  },
  'GET /app/pools/{poolId}/statement/{orgId}': {
    summary: "One funder's statement for a pool (CSV with ?format=csv).",
    path: idsPath('poolId', 'orgId'),
    query: z.object({ format: z.optional(z.literal('csv')) }),
    downloads: { 'text/csv': { when: '?format=csv' } },
  },
  'GET /app/consortia/{consortiumId}/pools/new': {
    summary:
      'Create a pool: a question page (`?page=about|lots`), check your answers (`?page=check`) or the confirmation (`?page=done&created=<poolId>`).',
    path: idsPath('consortiumId'),
  },
  'POST /app/consortia/{consortiumId}/pools/new': {
    summary: "Create a pool: one question page's answers, kept with the session until the pool is created from check your answers.",
    status: 303,
    path: idsPath('consortiumId'),
    form: "`csrf`, `page` (the question, or `check` to create the pool), `do` (`continue`, `add`, `remove-<n>`) and that page's fields (`name`, `purpose`, `lots.<n>.name`).",
  },
  'GET /app/pools/{poolId}/pledges/new': {
    summary:
      'Record a pledge: a question page (`?page=funder|years|restriction`), check your answers (`?page=check`) or the confirmation (`?page=done&created=<pledgeId>`).',
    path: idsPath('poolId'),
  },
  'POST /app/pools/{poolId}/pledges/new': {
    summary: "Record a pledge: one question page's answers, kept with the session until the pledge is recorded from check your answers.",
    status: 303,
    path: idsPath('poolId'),
    form: "`csrf`, `page` (the question, or `check` to record the pledge), `do` (`continue`, `add`, `remove-<n>`) and that page's fields (`funderOrgId`, `years.<n>.financialYear`, `years.<n>.amount` in pounds, `restriction`: `core` or a lot id).",
  },
  'GET /app/pools/{poolId}/pledges/{pledgeId}/contributions/new': {
    summary:
      'Record money received against a pledge: the question page (`?page=money`), check your answers (`?page=check`) or the confirmation (`?page=done`).',
    path: idsPath('poolId', 'pledgeId'),
  },
  'POST /app/pools/{poolId}/pledges/{pledgeId}/contributions/new': {
    summary: 'Record money received: the answers, kept with the session until the money is recorded from check your answers.',
    status: 303,
    path: idsPath('poolId', 'pledgeId'),
    form: '`csrf`, `page` (`money`, or `check` to record it) and the fields `amount` (pounds), `receivedOn-day`, `receivedOn-month`, `receivedOn-year` and `financialYear`.',
  },
  'GET /app/pools/{poolId}/rounds/new': {
    summary:
      'Open a round: the question page (`?page=about`), check your answers (`?page=check`) or the confirmation (`?page=done&created=<roundId>`).',
    path: idsPath('poolId'),
  },
  'POST /app/pools/{poolId}/rounds/new': {
    summary: 'Open a round: the answers, kept with the session until the round is opened from check your answers.',
    status: 303,
    path: idsPath('poolId'),
    form: '`csrf`, `page` (`about`, or `check` to open the round) and the field `name`.',
  },
  'GET /app/pools/{poolId}/grants/new': {
    summary:
      'Award a grant from the pool without a round: a question page (`?page=recipient|about|money`), check your answers (`?page=check`) or the confirmation (`?page=done&created=<grantId>`).',
    path: idsPath('poolId'),
  },
  'POST /app/pools/{poolId}/grants/new': {
    summary: "Award a grant: one question page's answers, kept with the session until the grant is awarded from check your answers.",
    status: 303,
    path: idsPath('poolId'),
    form: "`csrf`, `page` (the question, or `check` to award the grant) and that page's fields (`recipientOrgId`, `title`, `description`, `amount` in pounds, `lotId`: a lot id or `none`, `durationMonths`).",
  },
  'GET /app/rounds/{roundId}': { summary: 'An allocation round with its proposals and vote form.', path: idsPath('roundId') },
  'POST /app/rounds/{roundId}': { summary: "The round page's forms.", status: 303, path: idsPath('roundId'), form: roundForm },
  'GET /app/rounds/{roundId}/proposals/new': {
    summary:
      'Add a proposal to an open round: a question page (`?page=recipient|about|money`), check your answers (`?page=check`) or the confirmation (`?page=done&created=<proposalId>`).',
    path: idsPath('roundId'),
  },
  'POST /app/rounds/{roundId}/proposals/new': {
    summary: "Add a proposal: one question page's answers, kept with the session until the proposal is added from check your answers.",
    status: 303,
    path: idsPath('roundId'),
    form: "`csrf`, `page` (the question, or `check` to add the proposal) and that page's fields (`recipientOrgId`, `title`, `description`, `amount` in pounds, `durationMonths`, `lotId`: a lot id or `none`).",
  },
  'POST /consortia/{consortiumId}/pools': {
    summary: 'A pooled fund for the consortium (the lead).',
    status: 201,
    path: consortiumIdPath,
    body: newPool,
    response: views.pool,
  },
  'GET /consortia/{consortiumId}/free-riders': {
    summary: 'Members who benefit from the pools without putting money in.',
    path: consortiumIdPath,
    response: views.freeRiders,
  },
  'GET /pools/{poolId}': {
    summary: "A pool's summary: balances, pledges, grants.",
    path: poolIdPath,
    response: views.poolSummary,
  },
  'POST /pools/{poolId}/pledges': {
    summary: "A funder's pledge over one or more financial years.",
    status: 201,
    path: poolIdPath,
    body: newPledge,
    response: views.pledge,
  },
  'POST /pools/{poolId}/pledges/{pledgeId}/contributions': {
    summary: 'Money received against a pledge (the lead).',
    status: 201,
    path: pledgePath,
    body: newContribution,
    response: views.contribution,
  },
  'POST /pools/{poolId}/allocations': {
    summary: 'A grant awarded straight from the pool (the lead).',
    status: 201,
    path: poolIdPath,
    body: allocationRequest,
    response: views.awardedGrant,
  },
  'GET /pools/{poolId}/ledger': {
    summary: "The pool's double-entry ledger (JSON, or CSV with ?format=csv).",
    path: poolIdPath,
    query: formatQuery,
    downloads: { 'text/csv': { when: '?format=csv' } },
    response: views.ledger,
  },
  'GET /pools/{poolId}/funders/{orgId}/statement': {
    summary: "One funder's statement (JSON, or CSV with ?format=csv).",
    path: funderStatementPath,
    query: formatQuery,
    downloads: { 'text/csv': { when: '?format=csv' } },
    response: views.funderStatement,
  },
  'GET /pools/{poolId}/360giving': {
    summary: "The pool's grants as a 360Giving data package.",
    path: poolIdPath,
    response: views.giving360,
  },
  'POST /pools/{poolId}/rounds': {
    summary: 'Opens an allocation round (the lead).',
    status: 201,
    path: poolIdPath,
    body: newRound,
    response: views.round,
  },
  'POST /grants/{grantId}/payments': {
    summary: 'A payment on a grant, from the pool (the lead).',
    status: 201,
    path: grantIdPath,
    body: moneyMovement,
    response: views.moneyMoved,
  },
  'POST /grants/{grantId}/returns': {
    summary: 'Money paid on a grant coming back to the pool (the lead).',
    status: 201,
    path: grantIdPath,
    body: moneyMovement,
    response: views.moneyMoved,
  },
  'GET /rounds/{roundId}': {
    summary: 'A round with its proposals and votes.',
    path: roundIdPath,
    response: views.roundDetail,
  },
  'POST /rounds/{roundId}/proposals': {
    summary: 'A proposal in an open round (a member), to an organisation on grantloop or to a provider added with it (`newRecipient`).',
    status: 201,
    path: roundIdPath,
    body: proposalRequest,
    response: views.proposal,
  },
  'POST /rounds/{roundId}/close': {
    summary: 'Closes a round for voting (the lead).',
    status: 202,
    path: roundIdPath,
    response: views.round,
  },
  'POST /rounds/{roundId}/votes': {
    summary: "A member's vote, weighted by what it put in.",
    status: 201,
    path: roundIdPath,
    body: newVote,
    response: views.voteCast,
  },
  'POST /rounds/{roundId}/decision': {
    summary: "The lead's decision on an escalated round.",
    status: 202,
    path: roundIdPath,
    body: leadDecisionBody,
    response: views.leadDecided,
  },
});
