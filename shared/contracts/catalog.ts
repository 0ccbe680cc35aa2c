import { defineSlice, functionsIn, mailing, read, readWrite } from '../platform/catalog';
import { contractsEventNotes, contractsEvents } from './events';

const { api, open, onEvent, scheduled, pages } = functionsIn('contracts');

export const contractsSlice = defineSlice({
  feature: 'contracts',
  summary:
    "Councils' contracts: milestones with evidence by emailed link and decisions, RAG by a council's policy, alerts before due and when overdue, KPI ratings, amendments; payments against the 30-day term, with the s.70 list and UK8 figures.",
  functions: {
    registerContract: api('register-contract', 'POST /councils/{orgId}/contracts', readWrite),
    listContracts: api('list-contracts', 'GET /councils/{orgId}/contracts (RAG, by status and supplier)', read),
    setContractPolicy: api('set-contract-policy', 'PUT /councils/{orgId}/contract-policy', readWrite),
    getContract: api('get-contract', 'GET /contracts/{contractId}', read),
    decideMilestone: api('decide-milestone', 'POST /contracts/{contractId}/milestones/{milestoneId}/decision', readWrite),
    requestEvidence: api(
      'request-evidence',
      'POST /contracts/{contractId}/milestones/{milestoneId}/evidence-request: ask for the evidence now (the follower emails the link)',
      readWrite,
    ),
    rateKpi: api('rate-kpi', 'POST /contracts/{contractId}/kpis/{kpiId}/ratings', readWrite),
    amendContract: api('amend-contract', 'POST /contracts/{contractId}/amendments', readWrite),
    setContractStatus: api('set-contract-status', 'POST /contracts/{contractId}/status', readWrite),
    recordInvoice: api(
      'record-invoice',
      'POST /contracts/{contractId}/payments/{paymentId}/invoice: the day the invoice arrived (30 days to pay, s.68(2))',
      readWrite,
    ),
    recordPayment: api(
      'record-payment',
      'POST /contracts/{contractId}/payments/{paymentId}/paid: the day it was paid, on time or late',
      readWrite,
    ),
    latePayments: api(
      'late-payments',
      'GET /councils/{orgId}/late-payments[?format=csv]: every payment made or owed after its 30-day term',
      read,
    ),
    paymentNotices: api(
      'payment-notices',
      'GET /councils/{orgId}/payment-notices: payments over £30,000 by quarter (s.70) and a UK8 notice for a period (s.69)',
      read,
    ),
    councilMilestones: api('council-milestones', 'GET /councils/{orgId}/milestones[?format=csv]: every milestone with its RAG', read),
    contractOcds: api('contract-ocds', 'GET /contracts/{contractId}/ocds: milestones, KPI ratings (UK9) and amendments as OCDS', [
      ...read,
      'open-data',
    ]),
    contractsPages: pages(
      'pages',
      "Pages: a council's contracts (RAG, filters, milestones CSV) and payments (late, s.70, UK8); a contract (milestones, payments, evidence, decisions, KPIs, amendments, feed)",
      [
        'GET POST /app/councils/{orgId}/contracts',
        'GET POST /app/contracts/{contractId}',
        'GET /app/councils/{orgId}/payments',
        'GET POST /app/contracts/{contractId}/milestones',
        'GET POST /app/contracts/{contractId}/kpis',
        'GET POST /app/contracts/{contractId}/payments',
      ],
      'mail',
    ),
    contractsJourneys: pages(
      'journeys',
      "Journeys: a contract registered as a task list; milestones and KPIs added, an amendment, a change of status; the council's policy",
      [
        'GET POST /app/councils/{orgId}/contracts/new',
        'GET POST /app/councils/{orgId}/contract-policy',
        'GET POST /app/contracts/{contractId}/milestones/new',
        'GET POST /app/contracts/{contractId}/amendments/new',
        'GET POST /app/contracts/{contractId}/status',
      ],
    ),
    viewMilestoneLink: open('view-link', "GET /m/{token}: a milestone's evidence form", read),
    submitMilestoneLink: open('submit-link', "POST /m/{token}: a milestone's evidence", readWrite),
    contractFromAward: onEvent(
      'contract-from-award',
      "tender.lot-awarded → the buying council's contract, from the event alone (same id as the grant)",
      readWrite,
    ),
    scheduleMilestoneAlerts: onEvent(
      'schedule-milestone-alerts',
      'contract.registered / contract.amended / contract.policy-set → one-time alert schedules',
      ['table-read', { schedules: 'sendMilestoneAlert' }],
    ),
    sendMilestoneAlert: scheduled(
      'send-milestone-alert',
      'alert the supplier (with an evidence link) and the council before due and when overdue',
      mailing,
    ),
    sendRequestedEvidenceLink: onEvent(
      'send-requested-evidence-link',
      'milestone.evidence-requested → email the supplier a new evidence link; the one before is revoked',
      mailing,
    ),
    notifyMilestoneChange: onEvent(
      'notify-milestone-change',
      'milestone.decided / milestone.evidence-submitted → email the supplier and the council',
      mailing,
    ),
  },
  ruleIds: { contractFromAward: 'ContractFromTenderAward' },
  events: contractsEvents,
  eventNotes: contractsEventNotes,
  linkKinds: ['milestone'],
});
