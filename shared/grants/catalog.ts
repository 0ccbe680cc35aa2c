import { defineSlice, functionsIn, mailing, read, readWrite, workflow } from '../platform/catalog';
import { grantsEventNotes, grantsEvents } from './events';

const { api, task, onEvent, pages } = functionsIn('grants');

const grant = workflow('grant', 'workflows/grants-tranches.asl.json', {
  nextTranche: task('next-tranche', 'pay every tranche that can go now, then say whether to wait, hand over or end', readWrite),
  awaitTranche: task('await-tranche', 'store the token a decision or accepted report resumes', [...readWrite, 'task-callback']),
  continueGrant: task('continue-grant', 'hand the grant over to a fresh execution before the one-year limit', [{ startWorkflow: 'grant' }]),
});

export const grantsSlice = defineSlice({
  feature: 'grants',
  summary: 'Follow-through of an award: plan (conditions, tranches, reports owed), lifecycle, amendments, tranche releases.',
  functions: {
    getGrant: api('get-grant', 'GET /grants/{grantId}', read),
    setGrantPlan: api('set-grant-plan', 'POST /grants/{grantId}/plan', readWrite),
    decideCondition: api('decide-condition', 'POST /grants/{grantId}/conditions/{conditionId}/decision', [...readWrite, 'task-callback']),
    sendConditionLink: api('send-condition-link', 'POST /grants/{grantId}/conditions/{conditionId}/link', readWrite),
    amendGrant: api('amend-grant', 'POST /grants/{grantId}/amendments', readWrite),
    grantStatus: api('grant-status', 'POST /grants/{grantId}/status', readWrite),
    setReportingPolicy: api('set-reporting-policy', 'PUT /consortia/{consortiumId}/reporting-policy', readWrite),
    onGrantPlanSet: onEvent('start-grant-workflow', 'grant.plan-set → start the grant workflow', [{ startWorkflow: 'grant' }]),
    requestConditionEvidence: onEvent('request-condition-evidence', 'grant.plan-set → ask for condition evidence by link', [
      ...readWrite,
      'mail',
    ]),
    notifyEvidenceReceived: onEvent('notify-evidence-received', 'condition.evidence-submitted → tell the lead where to decide', [
      ...readWrite,
      'mail',
    ]),
    // table-write: the send-once marker, and the new evidence link after "not met".
    notifyConditionDecided: onEvent(
      'notify-condition-decided',
      'condition.decided → tell the provider the outcome and what happens to the payment',
      mailing,
    ),
    // table-write: the send-once marker and the link itself.
    sendReplacedConditionLink: onEvent(
      'send-replaced-condition-link',
      'condition.link-replaced → email the provider the new evidence link',
      mailing,
    ),
    ...grant.tasks,
    grantsPages: pages(
      'pages',
      'Pages: a grant (plan, conditions with decide forms, tranches, reports, amendments, audit trail)',
      ['GET POST /app/grants/{grantId}'],
      'task-callback',
      'mail',
    ),
    grantsJourneys: pages(
      'journeys',
      'Journeys: a grant’s plan as a task list; payments, returns, amendments and status as question pages',
      [
        'GET POST /app/grants/{grantId}/plan',
        'GET POST /app/grants/{grantId}/payments/new',
        'GET POST /app/grants/{grantId}/returns/new',
        'GET POST /app/grants/{grantId}/amendments/new',
        'GET POST /app/grants/{grantId}/status',
      ],
    ),
  },
  ruleIds: { onGrantPlanSet: 'StartGrantWorkflow' },
  workflows: [grant.spec],
  events: grantsEvents,
  eventNotes: grantsEventNotes,
  linkKinds: ['condition'],
});
