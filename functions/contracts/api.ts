import { defineApi, idsPath, type Operation, tokenPath } from '../lib/api';
import { formatQuery } from '../lib/schemas';
import * as z from '../lib/zod';
import { contractIdPath, contractsQuery, kpiPath, milestonePath, noticesQuery, orgIdPath, paymentPath } from './paths';
import { amendmentBody, decisionBody, invoiceBody, newContract, paidBody, policyBody, ratingBody, statusBody } from './schemas';
import * as views from './views';

/** A council's page: its own query, and one CSV it also gives when the query asks (`?download=milestones`). */
const councilPage = (summary: string, query: z.ZodMiniObject, download: string) =>
  ({
    summary,
    path: idsPath('orgId'),
    query: z.object({ ...query.def.shape, download: z.optional(z.literal(download)) }),
    downloads: { 'text/csv': { when: `?download=${download}` } },
  }) satisfies Operation;

export const contractsApi = defineApi({
  'POST /councils/{orgId}/contracts': {
    summary: "Registers a council's contract with its milestones and KPIs.",
    status: 201,
    path: orgIdPath,
    body: newContract,
    response: views.contract,
  },
  'GET /councils/{orgId}/contracts': {
    summary: "A council's contracts, worst RAG first.",
    path: orgIdPath,
    query: contractsQuery,
    response: views.councilContracts,
  },
  'PUT /councils/{orgId}/contract-policy': {
    summary: "The council's amber window and alert days.",
    path: orgIdPath,
    body: policyBody,
    response: views.policySet,
  },
  'GET /contracts/{contractId}': { summary: 'A contract.', path: contractIdPath, response: views.contractView },
  'POST /contracts/{contractId}/milestones/{milestoneId}/decision': {
    summary: 'Decides a milestone: met, partly met or not met.',
    path: milestonePath,
    body: decisionBody,
    response: views.contract,
  },
  'POST /contracts/{contractId}/milestones/{milestoneId}/evidence-request': {
    summary:
      "Emails the supplier a new evidence link for a milestone not yet decided, at once; the link sent before answers 410 (the council's officers).",
    status: 201,
    path: milestonePath,
    response: views.evidenceRequested,
  },
  'POST /contracts/{contractId}/kpis/{kpiId}/ratings': {
    summary: "A KPI's rating for a period.",
    status: 201,
    path: kpiPath,
    body: ratingBody,
    response: views.contract,
  },
  'POST /contracts/{contractId}/amendments': {
    summary: "Amends a contract's value, end date or milestones, saying why.",
    status: 201,
    path: contractIdPath,
    body: amendmentBody,
    response: views.contract,
  },
  'POST /contracts/{contractId}/status': {
    summary: "Changes a contract's status, with a reason.",
    path: contractIdPath,
    body: statusBody,
    response: views.contract,
  },
  'POST /contracts/{contractId}/payments/{paymentId}/invoice': {
    summary: "Records the day a payment's invoice was received (and its own due day, if later): 30 days to pay (s.68(2)).",
    path: paymentPath,
    body: invoiceBody,
    response: views.contract,
  },
  'POST /contracts/{contractId}/payments/{paymentId}/paid': {
    summary: 'Records the day a payment reached the supplier, once, after its invoice.',
    path: paymentPath,
    body: paidBody,
    response: views.contract,
  },
  'GET /councils/{orgId}/late-payments': {
    summary: "Every payment of the council's contracts made or still owed after its 30-day term (JSON, or CSV with ?format=csv).",
    path: orgIdPath,
    query: formatQuery,
    downloads: { 'text/csv': { when: '?format=csv' } },
    response: views.latePayments,
  },
  'GET /councils/{orgId}/payment-notices': {
    summary:
      'Payments over £30,000 under public contracts by quarter (s.70), and what a UK8 notice for a reporting period would contain (s.69).',
    path: orgIdPath,
    query: noticesQuery,
    response: views.paymentNotices,
  },
  'GET /councils/{orgId}/milestones': {
    summary: "Every milestone of the council's contracts (JSON, or CSV with ?format=csv).",
    path: orgIdPath,
    query: formatQuery,
    downloads: { 'text/csv': { when: '?format=csv' } },
    response: views.councilMilestones,
  },
  'GET /contracts/{contractId}/ocds': {
    summary: "The contract's OCDS release package.",
    path: contractIdPath,
    response: views.ocdsPackage,
  },
  'GET /app/councils/{orgId}/contracts': councilPage(
    "A council's contracts page (filters; every milestone as CSV with ?download=milestones).",
    contractsQuery,
    'milestones',
  ),
  'POST /app/councils/{orgId}/contracts': {
    summary: "Makes (or replaces) the council's calendar feed.",
    path: idsPath('orgId'),
    form: '`csrf` and `action` (rotate-feed).',
  },
  'GET /app/councils/{orgId}/payments': councilPage(
    "A council's payments page: late payments (CSV), payments over £30,000 by quarter (s.70), a UK8 notice's figures.",
    noticesQuery,
    'late-payments',
  ),
  'GET /app/contracts/{contractId}': {
    summary: "A contract's overview: its terms, status, amendments and calendar feed.",
    path: idsPath('contractId'),
  },
  'POST /app/contracts/{contractId}': {
    summary: "The overview's form: a new calendar feed address.",
    status: 303,
    path: idsPath('contractId'),
    form: '`csrf` and `action` (rotate-feed).',
  },
  'GET /app/contracts/{contractId}/milestones': {
    summary: "A contract's milestones, with their evidence, decide forms and request evidence now.",
    path: idsPath('contractId'),
  },
  'POST /app/contracts/{contractId}/milestones': {
    summary: "A milestone's decision, or evidence asked for now.",
    status: 303,
    path: idsPath('contractId'),
    form: '`csrf`, `action` (decide, request-evidence), `milestone` (M1…) and the fields of that form.',
  },
  'GET /app/contracts/{contractId}/kpis': {
    summary: "A contract's KPIs, with their ratings and rating forms.",
    path: idsPath('contractId'),
  },
  'POST /app/contracts/{contractId}/kpis': {
    summary: "A KPI's rating.",
    status: 303,
    path: idsPath('contractId'),
    form: '`csrf`, `action` (rate), `kpi` (K1…) and the fields of the rating.',
  },
  'GET /app/contracts/{contractId}/payments': {
    summary: "A contract's payments against the 30-day term, with invoice and payment forms.",
    path: idsPath('contractId'),
  },
  'POST /app/contracts/{contractId}/payments': {
    summary: 'An invoice received, or a payment made.',
    status: 303,
    path: idsPath('contractId'),
    form: '`csrf`, `action` (invoice, paid), `payment` (P1…) and the fields of that form.',
  },
  'GET /app/councils/{orgId}/contracts/new': {
    summary:
      "Register a contract as a task list (details, supplier, money, payments, milestones, KPIs), then check and register (the council's officers).",
    path: idsPath('orgId'),
  },
  'POST /app/councils/{orgId}/contracts/new': {
    summary: 'A question of the contract, or registering it through the same schema and use case as POST /councils/{orgId}/contracts.',
    status: 303,
    path: idsPath('orgId'),
    form: '`csrf`, `page` (a question, or check), `do` (add, continue, remove-<n>) and the fields of the question.',
  },
  'GET /app/councils/{orgId}/contract-policy': {
    summary: "The council's contract policy: amber window and alert days, in a form filled with the policy as it is (its admins).",
    path: idsPath('orgId'),
  },
  'POST /app/councils/{orgId}/contract-policy': {
    summary: 'Saves the policy, through the same schema and use case as PUT /councils/{orgId}/contract-policy.',
    status: 303,
    path: idsPath('orgId'),
    form: '`csrf`, `action` (policy), `amberWithinDays`, `alertOffsetsDays`.',
  },
  'GET /app/contracts/{contractId}/milestones/new': {
    summary: 'Add milestones and KPIs to a contract: question pages, check your answers and a confirmation.',
    path: idsPath('contractId'),
  },
  'POST /app/contracts/{contractId}/milestones/new': {
    summary: 'A question, or the amendment adding them through the same schema and use case as POST /contracts/{contractId}/amendments.',
    status: 303,
    path: idsPath('contractId'),
    form: '`csrf`, `page` (a question, or check), `do` (add, continue, remove-<n>) and the fields of the question.',
  },
  'GET /app/contracts/{contractId}/amendments/new': {
    summary: "Amend the contract (value, end date, milestones' due dates): question pages, check your answers and a confirmation.",
    path: idsPath('contractId'),
  },
  'POST /app/contracts/{contractId}/amendments/new': {
    summary: 'A question, or the amendment through the same schema and use case as POST /contracts/{contractId}/amendments.',
    status: 303,
    path: idsPath('contractId'),
    form: '`csrf`, `page` (a question, or check), `do` (add, continue, remove-<n>) and the fields of the question.',
  },
  'GET /app/contracts/{contractId}/status': {
    summary: "Change the contract's status, with a reason: a question page, check your answers and a confirmation.",
    path: idsPath('contractId'),
  },
  'POST /app/contracts/{contractId}/status': {
    summary: 'The new status, through the same schema and use case as POST /contracts/{contractId}/status.',
    status: 303,
    path: idsPath('contractId'),
    form: '`csrf`, `page` (a question, or check), `do` (add, continue, remove-<n>) and the fields of the question.',
  },
  'GET /m/{token}': { summary: 'The milestone evidence form behind an emailed link (no account).', path: tokenPath, produces: 'html' },
  'POST /m/{token}': {
    summary: 'Submits milestone evidence behind an emailed link.',
    path: tokenPath,
    produces: 'html',
    form: 'The evidence: what was delivered, and links.',
  },
});
