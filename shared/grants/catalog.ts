import { defineSlice } from '../platform/catalog';
import { grantsEventNotes, grantsEvents } from './events';

const readWrite = ['table-read', 'table-write'] as const;
const fn = (name: string) => `functions/grants/${name}.ts`;

export const grantsSlice = defineSlice({
  feature: 'grants',
  summary: 'Follow-through of an award: plan (conditions, tranches, reports owed), lifecycle, amendments, tranche releases.',
  functions: {
    getGrant: { entry: fn('get-grant'), description: 'GET /grants/{grantId}', needs: ['table-read'] },
    setGrantPlan: { entry: fn('set-grant-plan'), description: 'POST /grants/{grantId}/plan', needs: readWrite },
    decideCondition: {
      entry: fn('decide-condition'),
      description: 'POST /grants/{grantId}/conditions/{conditionId}/decision',
      needs: [...readWrite, 'task-callback'],
    },
    sendConditionLink: {
      entry: fn('send-condition-link'),
      description: 'POST /grants/{grantId}/conditions/{conditionId}/link',
      needs: readWrite,
    },
    amendGrant: { entry: fn('amend-grant'), description: 'POST /grants/{grantId}/amendments', needs: readWrite },
    grantStatus: { entry: fn('grant-status'), description: 'POST /grants/{grantId}/status', needs: readWrite },
    setReportingPolicy: {
      entry: fn('set-reporting-policy'),
      description: 'PUT /consortia/{consortiumId}/reporting-policy',
      needs: readWrite,
    },
    onGrantPlanSet: {
      entry: fn('start-grant-workflow'),
      description: 'grant.plan-set → start the grant workflow',
      needs: [{ startWorkflow: 'grant' }],
      async: true,
    },
    requestConditionEvidence: {
      entry: fn('request-condition-evidence'),
      description: 'grant.plan-set → ask for condition evidence by link',
      needs: [...readWrite, 'mail'],
      async: true,
    },
    notifyEvidenceReceived: {
      entry: fn('notify-evidence-received'),
      description: 'condition.evidence-submitted → tell the lead where to decide',
      needs: ['table-read', 'table-write', 'mail'],
      async: true,
    },
    notifyConditionDecided: {
      entry: fn('notify-condition-decided'),
      description: 'condition.decided → tell the provider the outcome and what happens to the payment',
      // table-write: the send-once marker, and the new evidence link after "not met".
      needs: [...readWrite, 'mail'],
      async: true,
    },
    sendReplacedConditionLink: {
      entry: fn('send-replaced-condition-link'),
      description: 'condition.link-replaced → email the provider the new evidence link',
      // table-write: the send-once marker and the link itself.
      needs: [...readWrite, 'mail'],
      async: true,
    },
    nextTranche: {
      entry: fn('next-tranche'),
      description: 'Workflow task: pay every tranche that can go now, then say whether to wait, hand over or end',
      needs: readWrite,
    },
    awaitTranche: {
      entry: fn('await-tranche'),
      description: 'Workflow task: store the token a decision or accepted report resumes',
      needs: [...readWrite, 'task-callback'],
    },
    continueGrant: {
      entry: fn('continue-grant'),
      description: 'Workflow task: hand the grant over to a fresh execution before the one-year limit',
      needs: [{ startWorkflow: 'grant' }],
    },
    grantsPages: {
      entry: fn('pages'),
      description: 'Pages: a grant (plan, conditions with decide forms, tranches, reports, amendments, audit trail)',
      needs: [...readWrite, 'web', 'task-callback', 'mail'],
    },
    grantsJourneys: {
      entry: fn('journeys'),
      description: 'Journeys: a grant’s plan as a task list; payments, returns, amendments and status as question pages',
      needs: [...readWrite, 'web'],
    },
  },
  routes: [
    { method: 'GET', path: '/grants/{grantId}', fn: 'getGrant', auth: 'staff' },
    { method: 'POST', path: '/grants/{grantId}/plan', fn: 'setGrantPlan', auth: 'staff' },
    { method: 'POST', path: '/grants/{grantId}/conditions/{conditionId}/decision', fn: 'decideCondition', auth: 'staff' },
    { method: 'POST', path: '/grants/{grantId}/conditions/{conditionId}/link', fn: 'sendConditionLink', auth: 'staff' },
    { method: 'POST', path: '/grants/{grantId}/amendments', fn: 'amendGrant', auth: 'staff' },
    { method: 'POST', path: '/grants/{grantId}/status', fn: 'grantStatus', auth: 'staff' },
    { method: 'PUT', path: '/consortia/{consortiumId}/reporting-policy', fn: 'setReportingPolicy', auth: 'staff' },
    { method: 'GET', path: '/app/grants/{grantId}', fn: 'grantsPages', auth: 'page' },
    { method: 'POST', path: '/app/grants/{grantId}', fn: 'grantsPages', auth: 'page' },
    { method: 'GET', path: '/app/grants/{grantId}/plan', fn: 'grantsJourneys', auth: 'page' },
    { method: 'POST', path: '/app/grants/{grantId}/plan', fn: 'grantsJourneys', auth: 'page' },
    { method: 'GET', path: '/app/grants/{grantId}/payments/new', fn: 'grantsJourneys', auth: 'page' },
    { method: 'POST', path: '/app/grants/{grantId}/payments/new', fn: 'grantsJourneys', auth: 'page' },
    { method: 'GET', path: '/app/grants/{grantId}/returns/new', fn: 'grantsJourneys', auth: 'page' },
    { method: 'POST', path: '/app/grants/{grantId}/returns/new', fn: 'grantsJourneys', auth: 'page' },
    { method: 'GET', path: '/app/grants/{grantId}/amendments/new', fn: 'grantsJourneys', auth: 'page' },
    { method: 'POST', path: '/app/grants/{grantId}/amendments/new', fn: 'grantsJourneys', auth: 'page' },
    { method: 'GET', path: '/app/grants/{grantId}/status', fn: 'grantsJourneys', auth: 'page' },
    { method: 'POST', path: '/app/grants/{grantId}/status', fn: 'grantsJourneys', auth: 'page' },
  ],
  rules: [
    { id: 'StartGrantWorkflow', detailTypes: ['grant.plan-set'], fn: 'onGrantPlanSet' },
    { id: 'RequestConditionEvidence', detailTypes: ['grant.plan-set'], fn: 'requestConditionEvidence' },
    { id: 'NotifyEvidenceReceived', detailTypes: ['condition.evidence-submitted'], fn: 'notifyEvidenceReceived' },
    { id: 'NotifyConditionDecided', detailTypes: ['condition.decided'], fn: 'notifyConditionDecided' },
    { id: 'SendReplacedConditionLink', detailTypes: ['condition.link-replaced'], fn: 'sendReplacedConditionLink' },
  ],
  workflows: [
    {
      id: 'grant',
      file: 'workflows/grants-tranches.asl.json',
      substitutions: {
        NextTrancheFunctionArn: 'nextTranche',
        AwaitTrancheFunctionArn: 'awaitTranche',
        ContinueGrantFunctionArn: 'continueGrant',
      },
    },
  ],
  events: grantsEvents,
  eventNotes: grantsEventNotes,
  linkKinds: ['condition'],
});
