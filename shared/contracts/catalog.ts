import { defineSlice } from '../platform/catalog';
import { contractsEventNotes, contractsEvents } from './events';

const read = ['table-read'] as const;
const readWrite = ['table-read', 'table-write'] as const;
const mailing = [...readWrite, 'mail'] as const;
const fn = (name: string) => `functions/contracts/${name}.ts`;

export const contractsSlice = defineSlice({
  feature: 'contracts',
  summary:
    "Councils' contracts: milestones with evidence by emailed link and decisions, RAG by a council's policy, alerts before due and when overdue, KPI ratings, amendments; payments against the 30-day term, with the s.70 list and UK8 figures.",
  functions: {
    registerContract: { entry: fn('register-contract'), description: 'POST /councils/{orgId}/contracts', needs: readWrite },
    listContracts: {
      entry: fn('list-contracts'),
      description: 'GET /councils/{orgId}/contracts (RAG, by status and supplier)',
      needs: read,
    },
    setContractPolicy: { entry: fn('set-contract-policy'), description: 'PUT /councils/{orgId}/contract-policy', needs: readWrite },
    getContract: { entry: fn('get-contract'), description: 'GET /contracts/{contractId}', needs: read },
    decideMilestone: {
      entry: fn('decide-milestone'),
      description: 'POST /contracts/{contractId}/milestones/{milestoneId}/decision',
      needs: readWrite,
    },
    requestEvidence: {
      entry: fn('request-evidence'),
      description:
        'POST /contracts/{contractId}/milestones/{milestoneId}/evidence-request: ask for the evidence now (the follower emails the link)',
      needs: readWrite,
    },
    rateKpi: { entry: fn('rate-kpi'), description: 'POST /contracts/{contractId}/kpis/{kpiId}/ratings', needs: readWrite },
    amendContract: { entry: fn('amend-contract'), description: 'POST /contracts/{contractId}/amendments', needs: readWrite },
    setContractStatus: { entry: fn('set-contract-status'), description: 'POST /contracts/{contractId}/status', needs: readWrite },
    recordInvoice: {
      entry: fn('record-invoice'),
      description: 'POST /contracts/{contractId}/payments/{paymentId}/invoice: the day the invoice arrived (30 days to pay, s.68(2))',
      needs: readWrite,
    },
    recordPayment: {
      entry: fn('record-payment'),
      description: 'POST /contracts/{contractId}/payments/{paymentId}/paid: the day it was paid, on time or late',
      needs: readWrite,
    },
    latePayments: {
      entry: fn('late-payments'),
      description: 'GET /councils/{orgId}/late-payments[?format=csv]: every payment made or owed after its 30-day term',
      needs: read,
    },
    paymentNotices: {
      entry: fn('payment-notices'),
      description: 'GET /councils/{orgId}/payment-notices: payments over £30,000 by quarter (s.70) and a UK8 notice for a period (s.69)',
      needs: read,
    },
    councilMilestones: {
      entry: fn('council-milestones'),
      description: 'GET /councils/{orgId}/milestones[?format=csv]: every milestone with its RAG',
      needs: read,
    },
    contractOcds: {
      entry: fn('contract-ocds'),
      description: 'GET /contracts/{contractId}/ocds: milestones, KPI ratings (UK9) and amendments as OCDS',
      needs: [...read, 'open-data'],
    },
    contractsPages: {
      entry: fn('pages'),
      description:
        "Pages: a council's contracts (RAG, filters, milestones CSV) and payments (late, s.70, UK8); a contract (milestones, payments, evidence, decisions, KPIs, amendments, feed)",
      needs: [...mailing, 'web'],
    },
    contractsJourneys: {
      entry: fn('journeys'),
      description:
        "Journeys: a contract registered as a task list; milestones and KPIs added, an amendment, a change of status; the council's policy",
      needs: [...readWrite, 'web'],
    },
    viewMilestoneLink: { entry: fn('view-link'), description: "GET /m/{token}: a milestone's evidence form", needs: read },
    submitMilestoneLink: { entry: fn('submit-link'), description: "POST /m/{token}: a milestone's evidence", needs: readWrite },
    contractFromAward: {
      entry: fn('contract-from-award'),
      description: "tender.lot-awarded → the buying council's contract, from the event alone (same id as the grant)",
      needs: readWrite,
      async: true,
    },
    scheduleMilestoneAlerts: {
      entry: fn('schedule-milestone-alerts'),
      description: 'contract.registered / contract.amended / contract.policy-set → one-time alert schedules',
      needs: ['table-read', { schedules: 'sendMilestoneAlert' }],
      async: true,
    },
    sendMilestoneAlert: {
      entry: fn('send-milestone-alert'),
      description: 'Scheduled: alert the supplier (with an evidence link) and the council before due and when overdue',
      needs: mailing,
      async: true,
    },
    sendRequestedEvidenceLink: {
      entry: fn('send-requested-evidence-link'),
      description: 'milestone.evidence-requested → email the supplier a new evidence link; the one before is revoked',
      needs: mailing,
      async: true,
    },
    notifyMilestoneChange: {
      entry: fn('notify-milestone-change'),
      description: 'milestone.decided / milestone.evidence-submitted → email the supplier and the council',
      needs: mailing,
      async: true,
    },
  },
  routes: [
    { method: 'POST', path: '/councils/{orgId}/contracts', fn: 'registerContract', auth: 'staff' },
    { method: 'GET', path: '/councils/{orgId}/contracts', fn: 'listContracts', auth: 'staff' },
    { method: 'PUT', path: '/councils/{orgId}/contract-policy', fn: 'setContractPolicy', auth: 'staff' },
    { method: 'GET', path: '/contracts/{contractId}', fn: 'getContract', auth: 'staff' },
    { method: 'POST', path: '/contracts/{contractId}/milestones/{milestoneId}/decision', fn: 'decideMilestone', auth: 'staff' },
    {
      method: 'POST',
      path: '/contracts/{contractId}/milestones/{milestoneId}/evidence-request',
      fn: 'requestEvidence',
      auth: 'staff',
    },
    { method: 'POST', path: '/contracts/{contractId}/kpis/{kpiId}/ratings', fn: 'rateKpi', auth: 'staff' },
    { method: 'POST', path: '/contracts/{contractId}/amendments', fn: 'amendContract', auth: 'staff' },
    { method: 'POST', path: '/contracts/{contractId}/status', fn: 'setContractStatus', auth: 'staff' },
    { method: 'POST', path: '/contracts/{contractId}/payments/{paymentId}/invoice', fn: 'recordInvoice', auth: 'staff' },
    { method: 'POST', path: '/contracts/{contractId}/payments/{paymentId}/paid', fn: 'recordPayment', auth: 'staff' },
    { method: 'GET', path: '/councils/{orgId}/late-payments', fn: 'latePayments', auth: 'staff' },
    { method: 'GET', path: '/councils/{orgId}/payment-notices', fn: 'paymentNotices', auth: 'staff' },
    { method: 'GET', path: '/councils/{orgId}/milestones', fn: 'councilMilestones', auth: 'staff' },
    { method: 'GET', path: '/contracts/{contractId}/ocds', fn: 'contractOcds', auth: 'staff' },
    { method: 'GET', path: '/app/councils/{orgId}/contracts', fn: 'contractsPages', auth: 'page' },
    { method: 'POST', path: '/app/councils/{orgId}/contracts', fn: 'contractsPages', auth: 'page' },
    { method: 'GET', path: '/app/contracts/{contractId}', fn: 'contractsPages', auth: 'page' },
    { method: 'POST', path: '/app/contracts/{contractId}', fn: 'contractsPages', auth: 'page' },
    { method: 'GET', path: '/app/councils/{orgId}/payments', fn: 'contractsPages', auth: 'page' },
    { method: 'GET', path: '/app/contracts/{contractId}/milestones', fn: 'contractsPages', auth: 'page' },
    { method: 'POST', path: '/app/contracts/{contractId}/milestones', fn: 'contractsPages', auth: 'page' },
    { method: 'GET', path: '/app/contracts/{contractId}/kpis', fn: 'contractsPages', auth: 'page' },
    { method: 'POST', path: '/app/contracts/{contractId}/kpis', fn: 'contractsPages', auth: 'page' },
    { method: 'GET', path: '/app/contracts/{contractId}/payments', fn: 'contractsPages', auth: 'page' },
    { method: 'POST', path: '/app/contracts/{contractId}/payments', fn: 'contractsPages', auth: 'page' },
    { method: 'GET', path: '/app/councils/{orgId}/contracts/new', fn: 'contractsJourneys', auth: 'page' },
    { method: 'POST', path: '/app/councils/{orgId}/contracts/new', fn: 'contractsJourneys', auth: 'page' },
    { method: 'GET', path: '/app/councils/{orgId}/contract-policy', fn: 'contractsJourneys', auth: 'page' },
    { method: 'POST', path: '/app/councils/{orgId}/contract-policy', fn: 'contractsJourneys', auth: 'page' },
    { method: 'GET', path: '/app/contracts/{contractId}/milestones/new', fn: 'contractsJourneys', auth: 'page' },
    { method: 'POST', path: '/app/contracts/{contractId}/milestones/new', fn: 'contractsJourneys', auth: 'page' },
    { method: 'GET', path: '/app/contracts/{contractId}/amendments/new', fn: 'contractsJourneys', auth: 'page' },
    { method: 'POST', path: '/app/contracts/{contractId}/amendments/new', fn: 'contractsJourneys', auth: 'page' },
    { method: 'GET', path: '/app/contracts/{contractId}/status', fn: 'contractsJourneys', auth: 'page' },
    { method: 'POST', path: '/app/contracts/{contractId}/status', fn: 'contractsJourneys', auth: 'page' },
    { method: 'GET', path: '/m/{token}', fn: 'viewMilestoneLink', auth: 'public' },
    { method: 'POST', path: '/m/{token}', fn: 'submitMilestoneLink', auth: 'public' },
  ],
  rules: [
    { id: 'ContractFromTenderAward', detailTypes: ['tender.lot-awarded'], fn: 'contractFromAward' },
    {
      id: 'ScheduleMilestoneAlerts',
      detailTypes: ['contract.registered', 'contract.amended', 'contract.policy-set'],
      fn: 'scheduleMilestoneAlerts',
    },
    { id: 'SendRequestedEvidenceLink', detailTypes: ['milestone.evidence-requested'], fn: 'sendRequestedEvidenceLink' },
    { id: 'NotifyMilestoneChange', detailTypes: ['milestone.decided', 'milestone.evidence-submitted'], fn: 'notifyMilestoneChange' },
  ],
  workflows: [],
  events: contractsEvents,
  eventNotes: contractsEventNotes,
  linkKinds: ['milestone'],
});
