/**
 * What the system is made of, declared once and read by both targets: the CDK stack builds
 * Lambdas, routes, rules, state machines and grants from it; the local runtime loads the same
 * handler files and routes requests and events by the same table.
 */

/** What a function touches; the stack turns each need into environment and least-privilege grants. */
export type Need =
  | 'table-read'
  | 'table-write'
  | 'mail'
  | 'start-consortium-workflow'
  | 'start-round-workflow'
  | 'start-grant-workflow'
  | 'start-report-workflow'
  | 'task-callback'
  | 'publish-events'
  | 'create-schedules';

export interface FunctionSpec {
  entry: string;
  description: string;
  needs: Need[];
  /** Invoked asynchronously (EventBridge, Scheduler): gets a dead-letter queue. */
  async?: boolean;
  timeoutSeconds?: number;
}

export const functions = {
  health: { entry: 'functions/api/health.ts', description: 'GET /health', needs: ['table-read'] },
  me: { entry: 'functions/api/me.ts', description: 'GET /me', needs: ['table-read'] },
  createOrganisation: {
    entry: 'functions/api/create-organisation.ts',
    description: 'POST /organisations',
    needs: ['table-read', 'table-write'],
  },
  listOrganisations: { entry: 'functions/api/list-organisations.ts', description: 'GET /organisations', needs: ['table-read'] },
  getOrganisation: { entry: 'functions/api/get-organisation.ts', description: 'GET /organisations/{orgId}', needs: ['table-read'] },
  addMember: {
    entry: 'functions/api/add-member.ts',
    description: 'POST /organisations/{orgId}/members',
    needs: ['table-read', 'table-write'],
  },
  createConsortium: { entry: 'functions/api/create-consortium.ts', description: 'POST /consortia', needs: ['table-read', 'table-write'] },
  getConsortium: { entry: 'functions/api/get-consortium.ts', description: 'GET /consortia/{consortiumId}', needs: ['table-read'] },
  confirmConsortium: {
    entry: 'functions/api/confirm-consortium.ts',
    description: 'POST /consortia/{consortiumId}/confirm',
    needs: ['table-read', 'table-write', 'task-callback'],
  },
  eventRouter: {
    entry: 'functions/events/event-router.ts',
    description: 'Table stream → EventBridge (outbox relay)',
    needs: ['publish-events'],
    timeoutSeconds: 60,
  },
  startConsortiumWorkflow: {
    entry: 'functions/events/start-consortium-workflow.ts',
    description: 'consortium.created → start the invitation workflow',
    needs: ['start-consortium-workflow'],
    async: true,
  },
  scheduleLeadReminder: {
    entry: 'functions/events/schedule-lead-reminder.ts',
    description: 'consortium.invitations-sent → one-time reminder schedule',
    needs: ['create-schedules'],
    async: true,
  },
  sendLeadReminder: {
    entry: 'functions/reminders/send-lead-reminder.ts',
    description: 'Scheduled: remind the lead to confirm',
    needs: ['table-read', 'table-write', 'mail'],
    async: true,
  },
  sendInvitations: {
    entry: 'functions/workflows/send-invitations.ts',
    description: 'Workflow task: email every member organisation',
    needs: ['table-read', 'table-write', 'mail'],
  },
  awaitLeadConfirmation: {
    entry: 'functions/workflows/await-lead-confirmation.ts',
    description: 'Workflow task: store the task token for the lead confirmation',
    needs: ['table-write'],
  },
  settleConsortium: {
    entry: 'functions/workflows/settle-consortium.ts',
    description: 'Workflow task: activate or lapse the consortium and tell its members',
    needs: ['table-read', 'table-write', 'mail'],
  },
  createPool: {
    entry: 'functions/api/create-pool.ts',
    description: 'POST /consortia/{consortiumId}/pools',
    needs: ['table-read', 'table-write'],
  },
  getPool: { entry: 'functions/api/get-pool.ts', description: 'GET /pools/{poolId}', needs: ['table-read'] },
  recordPledge: {
    entry: 'functions/api/record-pledge.ts',
    description: 'POST /pools/{poolId}/pledges',
    needs: ['table-read', 'table-write'],
  },
  recordContribution: {
    entry: 'functions/api/record-contribution.ts',
    description: 'POST /pools/{poolId}/pledges/{pledgeId}/contributions',
    needs: ['table-read', 'table-write'],
  },
  allocate: { entry: 'functions/api/allocate.ts', description: 'POST /pools/{poolId}/allocations', needs: ['table-read', 'table-write'] },
  getGrant: { entry: 'functions/api/get-grant.ts', description: 'GET /grants/{grantId}', needs: ['table-read'] },
  grantPayment: {
    entry: 'functions/api/grant-payment.ts',
    description: 'POST /grants/{grantId}/payments',
    needs: ['table-read', 'table-write'],
  },
  grantReturn: {
    entry: 'functions/api/grant-return.ts',
    description: 'POST /grants/{grantId}/returns',
    needs: ['table-read', 'table-write'],
  },
  poolLedger: { entry: 'functions/api/pool-ledger.ts', description: 'GET /pools/{poolId}/ledger', needs: ['table-read'] },
  funderStatement: {
    entry: 'functions/api/funder-statement.ts',
    description: 'GET /pools/{poolId}/funders/{orgId}/statement',
    needs: ['table-read'],
  },
  freeRiders: { entry: 'functions/api/free-riders.ts', description: 'GET /consortia/{consortiumId}/free-riders', needs: ['table-read'] },
  export360Giving: { entry: 'functions/api/export-360giving.ts', description: 'GET /pools/{poolId}/360giving', needs: ['table-read'] },
  openRound: { entry: 'functions/api/open-round.ts', description: 'POST /pools/{poolId}/rounds', needs: ['table-read', 'table-write'] },
  getRound: { entry: 'functions/api/get-round.ts', description: 'GET /rounds/{roundId}', needs: ['table-read'] },
  addProposal: {
    entry: 'functions/api/add-proposal.ts',
    description: 'POST /rounds/{roundId}/proposals',
    needs: ['table-read', 'table-write'],
  },
  closeRound: {
    entry: 'functions/api/close-round.ts',
    description: 'POST /rounds/{roundId}/close',
    needs: ['table-read', 'table-write', 'task-callback'],
  },
  voteRound: {
    entry: 'functions/api/vote.ts',
    description: 'POST /rounds/{roundId}/votes',
    needs: ['table-read', 'table-write', 'task-callback'],
  },
  leadDecision: {
    entry: 'functions/api/lead-decision.ts',
    description: 'POST /rounds/{roundId}/decision',
    needs: ['table-read', 'table-write', 'task-callback'],
  },
  startRoundWorkflow: {
    entry: 'functions/events/start-round-workflow.ts',
    description: 'round.opened → start the allocation-round workflow',
    needs: ['start-round-workflow'],
    async: true,
  },
  awaitRoundClose: {
    entry: 'functions/workflows/await-round-close.ts',
    description: 'Workflow task: store the token the close call resumes',
    needs: ['table-write'],
  },
  requestVotes: {
    entry: 'functions/workflows/request-votes.ts',
    description: 'Workflow task: store the decision token and ask the voting funders',
    needs: ['table-read', 'table-write', 'mail', 'task-callback'],
  },
  escalateRound: {
    entry: 'functions/workflows/escalate-round.ts',
    description: 'Workflow task: voting timed out; ask the lead to decide',
    needs: ['table-read', 'table-write', 'mail', 'task-callback'],
  },
  settleRound: {
    entry: 'functions/workflows/settle-round.ts',
    description: 'Workflow task: record the round outcome',
    needs: ['table-read', 'table-write', 'mail'],
  },
  commitProposal: {
    entry: 'functions/workflows/commit-proposal.ts',
    description: 'Workflow task: commit one approved proposal as a grant',
    needs: ['table-read', 'table-write'],
  },
  notifyRoundCommitted: {
    entry: 'functions/workflows/notify-round-committed.ts',
    description: 'Workflow task: tell the funders what was committed',
    needs: ['table-read', 'table-write', 'mail'],
  },
  setGrantPlan: {
    entry: 'functions/api/set-grant-plan.ts',
    description: 'POST /grants/{grantId}/plan',
    needs: ['table-read', 'table-write'],
  },
  decideCondition: {
    entry: 'functions/api/decide-condition.ts',
    description: 'POST /grants/{grantId}/conditions/{conditionId}/decision',
    needs: ['table-read', 'table-write', 'task-callback'],
  },
  amendGrant: {
    entry: 'functions/api/amend-grant.ts',
    description: 'POST /grants/{grantId}/amendments',
    needs: ['table-read', 'table-write'],
  },
  grantStatus: {
    entry: 'functions/api/grant-status.ts',
    description: 'POST /grants/{grantId}/status',
    needs: ['table-read', 'table-write'],
  },
  setReportingPolicy: {
    entry: 'functions/api/set-reporting-policy.ts',
    description: 'PUT /consortia/{consortiumId}/reporting-policy',
    needs: ['table-read', 'table-write'],
  },
  getReport: { entry: 'functions/api/get-report.ts', description: 'GET /reports/{reportId}', needs: ['table-read'] },
  reviewReport: {
    entry: 'functions/api/review-report.ts',
    description: 'POST /reports/{reportId}/review',
    needs: ['table-read', 'table-write', 'task-callback'],
  },
  listReports: { entry: 'functions/api/list-reports.ts', description: 'GET /consortia/{consortiumId}/reports', needs: ['table-read'] },
  viewLink: {
    entry: 'functions/links/view-link.ts',
    description: 'GET /r/{token}: the form behind an emailed link',
    needs: ['table-read'],
  },
  submitLink: {
    entry: 'functions/links/submit-link.ts',
    description: 'POST /r/{token}: draft or submit through an emailed link',
    needs: ['table-read', 'table-write', 'task-callback'],
  },
  onGrantPlanSet: {
    entry: 'functions/events/on-grant-plan-set.ts',
    description: 'grant.plan-set → start the grant workflow',
    needs: ['start-grant-workflow'],
    async: true,
  },
  scheduleReportPeriods: {
    entry: 'functions/events/schedule-report-periods.ts',
    description: 'grant.plan-set → a schedule to open each report period',
    needs: ['table-read', 'create-schedules'],
    async: true,
  },
  requestConditionEvidence: {
    entry: 'functions/events/request-condition-evidence.ts',
    description: 'grant.plan-set → ask for condition evidence by link',
    needs: ['table-read', 'table-write', 'mail'],
    async: true,
  },
  scheduleReportReminders: {
    entry: 'functions/events/schedule-report-reminders.ts',
    description: 'report.opened → one-time reminder schedules',
    needs: ['table-read', 'create-schedules'],
    async: true,
  },
  openReportPeriod: {
    entry: 'functions/reminders/open-report-period.ts',
    description: 'Scheduled: start the reporting cycle of a period',
    needs: ['start-report-workflow'],
    async: true,
  },
  sendReportReminder: {
    entry: 'functions/reminders/send-report-reminder.ts',
    description: 'Scheduled: remind a provider',
    needs: ['table-read', 'table-write', 'mail'],
    async: true,
  },
  nextTranche: {
    entry: 'functions/workflows/next-tranche.ts',
    description: 'Workflow task: the next tranche and whether it can go',
    needs: ['table-read', 'table-write'],
  },
  awaitTranche: {
    entry: 'functions/workflows/await-tranche.ts',
    description: 'Workflow task: store the token a decision or accepted report resumes',
    needs: ['table-read', 'table-write', 'task-callback'],
  },
  continueGrant: {
    entry: 'functions/workflows/continue-grant.ts',
    description: 'Workflow task: hand the grant over to a fresh execution before the one-year limit',
    needs: ['start-grant-workflow'],
  },
  releaseTranche: {
    entry: 'functions/workflows/release-tranche.ts',
    description: 'Workflow task: pay one tranche, once',
    needs: ['table-read', 'table-write'],
  },
  openReport: {
    entry: 'functions/workflows/open-report.ts',
    description: 'Workflow task: open a report period and email the link',
    needs: ['table-read', 'table-write', 'mail'],
  },
  awaitReportSubmission: {
    entry: 'functions/workflows/await-report-submission.ts',
    description: 'Workflow task: store the token a submission resumes',
    needs: ['table-read', 'table-write', 'task-callback'],
  },
  markReport: {
    entry: 'functions/workflows/mark-report.ts',
    description: 'Workflow task: overdue, very late, not submitted',
    needs: ['table-read', 'table-write', 'mail'],
  },
  awaitReportReview: {
    entry: 'functions/workflows/await-report-review.ts',
    description: 'Workflow task: store the review token, ask the funder',
    needs: ['table-read', 'table-write', 'mail'],
  },
  requestReportChanges: {
    entry: 'functions/workflows/request-report-changes.ts',
    description: 'Workflow task: a new link with the changes asked for',
    needs: ['table-read', 'table-write', 'mail'],
  },
  acceptReport: {
    entry: 'functions/workflows/accept-report.ts',
    description: 'Workflow task: accept, thank the provider, wake the grant workflow',
    needs: ['table-read', 'table-write', 'mail', 'task-callback'],
  },
} satisfies Record<string, FunctionSpec>;

export type FunctionId = keyof typeof functions;

export type Auth = 'staff' | 'public';
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  fn: FunctionId;
  auth: Auth;
}

export const routes: RouteSpec[] = [
  { method: 'GET', path: '/health', fn: 'health', auth: 'public' },
  { method: 'GET', path: '/me', fn: 'me', auth: 'staff' },
  { method: 'POST', path: '/organisations', fn: 'createOrganisation', auth: 'staff' },
  { method: 'GET', path: '/organisations', fn: 'listOrganisations', auth: 'staff' },
  { method: 'GET', path: '/organisations/{orgId}', fn: 'getOrganisation', auth: 'staff' },
  { method: 'POST', path: '/organisations/{orgId}/members', fn: 'addMember', auth: 'staff' },
  { method: 'POST', path: '/consortia', fn: 'createConsortium', auth: 'staff' },
  { method: 'GET', path: '/consortia/{consortiumId}', fn: 'getConsortium', auth: 'staff' },
  { method: 'POST', path: '/consortia/{consortiumId}/confirm', fn: 'confirmConsortium', auth: 'staff' },
  { method: 'POST', path: '/consortia/{consortiumId}/pools', fn: 'createPool', auth: 'staff' },
  { method: 'GET', path: '/consortia/{consortiumId}/free-riders', fn: 'freeRiders', auth: 'staff' },
  { method: 'GET', path: '/pools/{poolId}', fn: 'getPool', auth: 'staff' },
  { method: 'POST', path: '/pools/{poolId}/pledges', fn: 'recordPledge', auth: 'staff' },
  { method: 'POST', path: '/pools/{poolId}/pledges/{pledgeId}/contributions', fn: 'recordContribution', auth: 'staff' },
  { method: 'POST', path: '/pools/{poolId}/allocations', fn: 'allocate', auth: 'staff' },
  { method: 'GET', path: '/pools/{poolId}/ledger', fn: 'poolLedger', auth: 'staff' },
  { method: 'GET', path: '/pools/{poolId}/funders/{orgId}/statement', fn: 'funderStatement', auth: 'staff' },
  { method: 'GET', path: '/pools/{poolId}/360giving', fn: 'export360Giving', auth: 'staff' },
  { method: 'POST', path: '/pools/{poolId}/rounds', fn: 'openRound', auth: 'staff' },
  { method: 'GET', path: '/grants/{grantId}', fn: 'getGrant', auth: 'staff' },
  { method: 'POST', path: '/grants/{grantId}/payments', fn: 'grantPayment', auth: 'staff' },
  { method: 'POST', path: '/grants/{grantId}/returns', fn: 'grantReturn', auth: 'staff' },
  { method: 'GET', path: '/rounds/{roundId}', fn: 'getRound', auth: 'staff' },
  { method: 'POST', path: '/rounds/{roundId}/proposals', fn: 'addProposal', auth: 'staff' },
  { method: 'POST', path: '/rounds/{roundId}/close', fn: 'closeRound', auth: 'staff' },
  { method: 'POST', path: '/rounds/{roundId}/votes', fn: 'voteRound', auth: 'staff' },
  { method: 'POST', path: '/rounds/{roundId}/decision', fn: 'leadDecision', auth: 'staff' },
  { method: 'POST', path: '/grants/{grantId}/plan', fn: 'setGrantPlan', auth: 'staff' },
  { method: 'POST', path: '/grants/{grantId}/conditions/{conditionId}/decision', fn: 'decideCondition', auth: 'staff' },
  { method: 'POST', path: '/grants/{grantId}/amendments', fn: 'amendGrant', auth: 'staff' },
  { method: 'POST', path: '/grants/{grantId}/status', fn: 'grantStatus', auth: 'staff' },
  { method: 'GET', path: '/reports/{reportId}', fn: 'getReport', auth: 'staff' },
  { method: 'POST', path: '/reports/{reportId}/review', fn: 'reviewReport', auth: 'staff' },
  { method: 'GET', path: '/consortia/{consortiumId}/reports', fn: 'listReports', auth: 'staff' },
  { method: 'PUT', path: '/consortia/{consortiumId}/reporting-policy', fn: 'setReportingPolicy', auth: 'staff' },
  { method: 'GET', path: '/r/{token}', fn: 'viewLink', auth: 'public' },
  { method: 'POST', path: '/r/{token}', fn: 'submitLink', auth: 'public' },
];

/** EventBridge rules on the grantloop bus: detail-types → target function. */
export interface RuleSpec {
  id: string;
  detailTypes: string[];
  fn: FunctionId;
}

export const rules: RuleSpec[] = [
  { id: 'StartConsortiumInvitation', detailTypes: ['consortium.created'], fn: 'startConsortiumWorkflow' },
  { id: 'ScheduleLeadReminder', detailTypes: ['consortium.invitations-sent'], fn: 'scheduleLeadReminder' },
  { id: 'StartAllocationRound', detailTypes: ['round.opened'], fn: 'startRoundWorkflow' },
  { id: 'StartGrantWorkflow', detailTypes: ['grant.plan-set'], fn: 'onGrantPlanSet' },
  { id: 'ScheduleReportPeriods', detailTypes: ['grant.plan-set'], fn: 'scheduleReportPeriods' },
  { id: 'RequestConditionEvidence', detailTypes: ['grant.plan-set'], fn: 'requestConditionEvidence' },
  { id: 'ScheduleReportReminders', detailTypes: ['report.opened'], fn: 'scheduleReportReminders' },
];

/** The stream → router mapping only passes inserted event items (same filter in both targets). */
export const streamFilter = { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['event'] } } } };

/** Functions whose ARN another function needs (env var name → function). */
export const functionArnEnv: Partial<Record<FunctionId, string>> = {
  sendLeadReminder: 'REMINDER_FUNCTION_ARN',
  openReportPeriod: 'REPORT_OPEN_FUNCTION_ARN',
  sendReportReminder: 'REPORT_REMINDER_FUNCTION_ARN',
};

export interface WorkflowSpec {
  id: string;
  file: string;
  /** `${Name}` in the ASL file → the ARN of this function. */
  substitutions: Record<string, FunctionId>;
  /** Environment variable through which functions learn this state machine's ARN. */
  arnEnv: string;
}

export const workflows: WorkflowSpec[] = [
  {
    id: 'consortium-invitation',
    file: 'workflows/consortium-invitation.asl.json',
    substitutions: {
      SendInvitationsFunctionArn: 'sendInvitations',
      AwaitLeadConfirmationFunctionArn: 'awaitLeadConfirmation',
      SettleConsortiumFunctionArn: 'settleConsortium',
    },
    arnEnv: 'CONSORTIUM_WORKFLOW_ARN',
  },
  {
    id: 'allocation-round',
    file: 'workflows/allocation-round.asl.json',
    substitutions: {
      AwaitRoundCloseFunctionArn: 'awaitRoundClose',
      RequestVotesFunctionArn: 'requestVotes',
      EscalateRoundFunctionArn: 'escalateRound',
      SettleRoundFunctionArn: 'settleRound',
      CommitProposalFunctionArn: 'commitProposal',
      NotifyRoundCommittedFunctionArn: 'notifyRoundCommitted',
    },
    arnEnv: 'ROUND_WORKFLOW_ARN',
  },
  {
    id: 'grant',
    file: 'workflows/grant.asl.json',
    substitutions: {
      NextTrancheFunctionArn: 'nextTranche',
      AwaitTrancheFunctionArn: 'awaitTranche',
      ReleaseTrancheFunctionArn: 'releaseTranche',
      ContinueGrantFunctionArn: 'continueGrant',
    },
    arnEnv: 'GRANT_WORKFLOW_ARN',
  },
  {
    id: 'reporting-cycle',
    file: 'workflows/reporting-cycle.asl.json',
    substitutions: {
      OpenReportFunctionArn: 'openReport',
      AwaitReportSubmissionFunctionArn: 'awaitReportSubmission',
      MarkReportFunctionArn: 'markReport',
      AwaitReportReviewFunctionArn: 'awaitReportReview',
      RequestReportChangesFunctionArn: 'requestReportChanges',
      AcceptReportFunctionArn: 'acceptReport',
    },
    arnEnv: 'REPORT_WORKFLOW_ARN',
  },
];

/** Names used in both targets. */
export const names = {
  stack: 'Grantloop',
  table: 'grantloop',
  eventBus: 'grantloop',
  scheduleGroup: 'grantloop-reminders',
  functionName: (id: FunctionId) => `grantloop-${id}`,
  stateMachineName: (id: string) => `grantloop-${id}`,
};
