import { defineApi, idsPath, tokenPath } from '../lib/api';
import { formatQuery } from '../lib/schemas';
import { contractIdPath, contractsQuery, kpiPath, milestonePath, orgIdPath } from './paths';
import { amendmentBody, decisionBody, newContract, policyBody, ratingBody, statusBody } from './schemas';

const contract = 'The contract: supplier, value (pence), period, milestones with red/amber/green, KPIs and their ratings.';

export const contractsApi = defineApi({
  'POST /councils/{orgId}/contracts': {
    summary: "Registers a council's contract with its milestones and KPIs.",
    status: 201,
    path: orgIdPath,
    body: newContract,
    response: contract,
  },
  'GET /councils/{orgId}/contracts': {
    summary: "A council's contracts, worst RAG first.",
    path: orgIdPath,
    query: contractsQuery,
    response: 'The contracts with their RAG.',
  },
  'PUT /councils/{orgId}/contract-policy': {
    summary: "The council's amber window and alert days.",
    path: orgIdPath,
    body: policyBody,
    response: 'The policy as set.',
  },
  'GET /contracts/{contractId}': { summary: 'A contract.', path: contractIdPath, response: contract },
  'POST /contracts/{contractId}/milestones/{milestoneId}/decision': {
    summary: 'Decides a milestone: met, partly met or not met.',
    path: milestonePath,
    body: decisionBody,
    response: contract,
  },
  'POST /contracts/{contractId}/kpis/{kpiId}/ratings': {
    summary: "A KPI's rating for a period.",
    status: 201,
    path: kpiPath,
    body: ratingBody,
    response: contract,
  },
  'POST /contracts/{contractId}/amendments': {
    summary: "Amends a contract's value, end date or milestones, saying why.",
    status: 201,
    path: contractIdPath,
    body: amendmentBody,
    response: contract,
  },
  'POST /contracts/{contractId}/status': {
    summary: "Changes a contract's status, with a reason.",
    path: contractIdPath,
    body: statusBody,
    response: contract,
  },
  'GET /councils/{orgId}/milestones': {
    summary: "Every milestone of the council's contracts (JSON, or CSV with ?format=csv).",
    path: orgIdPath,
    query: formatQuery,
    csv: true,
    response: 'The milestones with their contracts, due dates and RAG.',
  },
  'GET /contracts/{contractId}/ocds': {
    summary: "The contract's OCDS release package.",
    path: contractIdPath,
    response: 'An OCDS 1.1 release package.',
  },
  'GET /app/councils/{orgId}/contracts': { summary: "A council's contracts page (filters, CSV download).", path: idsPath('orgId') },
  'POST /app/councils/{orgId}/contracts': {
    summary: "Makes (or replaces) the council's calendar feed.",
    path: idsPath('orgId'),
    form: '`csrf` and `action` (rotate-feed).',
  },
  'GET /app/contracts/{contractId}': { summary: 'A contract page with its decide and rate forms.', path: idsPath('contractId') },
  'POST /app/contracts/{contractId}': {
    summary: "The contract page's forms.",
    status: 303,
    path: idsPath('contractId'),
    form: '`csrf`, `action` (decide, rate, rotate-feed) and the fields of that form.',
  },
  'GET /m/{token}': { summary: 'The milestone evidence form behind an emailed link (no account).', path: tokenPath, produces: 'html' },
  'POST /m/{token}': {
    summary: 'Submits milestone evidence behind an emailed link.',
    path: tokenPath,
    produces: 'html',
    form: 'The evidence: what was delivered, and links.',
  },
});
