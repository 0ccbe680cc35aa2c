import { defineSlice } from '../platform/catalog';
import { consortiaEventNotes, consortiaEvents } from './events';

const tableRW = ['table-read', 'table-write'] as const;

export const consortiaSlice = defineSlice({
  feature: 'consortia',
  summary: 'Identity and consortia: organisations (org-id checked), staff and roles, consortia formed by invitation.',
  functions: {
    me: { entry: 'functions/consortia/me.ts', description: 'GET /me', needs: ['table-read'] },
    createOrganisation: { entry: 'functions/consortia/create-organisation.ts', description: 'POST /organisations', needs: tableRW },
    listOrganisations: { entry: 'functions/consortia/list-organisations.ts', description: 'GET /organisations', needs: ['table-read'] },
    getOrganisation: { entry: 'functions/consortia/get-organisation.ts', description: 'GET /organisations/{orgId}', needs: ['table-read'] },
    addMember: { entry: 'functions/consortia/add-member.ts', description: 'POST /organisations/{orgId}/members', needs: tableRW },
    changeMemberRole: {
      entry: 'functions/consortia/change-member-role.ts',
      description: 'PUT /organisations/{orgId}/members/{userId}/role',
      needs: tableRW,
    },
    removeMember: {
      entry: 'functions/consortia/remove-member.ts',
      description: 'DELETE /organisations/{orgId}/members/{userId}',
      needs: tableRW,
    },
    consortiaPages: {
      entry: 'functions/consortia/pages.ts',
      description: "Pages: organisations (list, add one), an organisation's staff (add, change a role, remove), proposing a consortium",
      needs: [...tableRW, 'web'],
    },
    createConsortium: { entry: 'functions/consortia/create-consortium.ts', description: 'POST /consortia', needs: tableRW },
    getConsortium: { entry: 'functions/consortia/get-consortium.ts', description: 'GET /consortia/{consortiumId}', needs: ['table-read'] },
    confirmConsortium: {
      entry: 'functions/consortia/confirm-consortium.ts',
      description: 'POST /consortia/{consortiumId}/confirm',
      needs: [...tableRW, 'task-callback'],
    },
    startConsortiumWorkflow: {
      entry: 'functions/consortia/start-invitation-workflow.ts',
      description: 'consortium.created → start the invitation workflow',
      needs: [{ startWorkflow: 'consortium-invitation' }],
      async: true,
    },
    scheduleLeadReminder: {
      entry: 'functions/consortia/schedule-lead-reminder.ts',
      description: 'consortium.invitations-sent → one-time reminder schedule',
      needs: [{ schedules: 'sendLeadReminder' }],
      async: true,
    },
    sendLeadReminder: {
      entry: 'functions/consortia/send-lead-reminder.ts',
      description: 'Scheduled: remind the lead to confirm',
      needs: [...tableRW, 'mail'],
      async: true,
    },
    sendInvitations: {
      entry: 'functions/consortia/send-invitations.ts',
      description: 'Workflow task: email every member organisation',
      needs: [...tableRW, 'mail'],
    },
    awaitLeadConfirmation: {
      entry: 'functions/consortia/await-lead-confirmation.ts',
      description: 'Workflow task: store the task token for the lead confirmation',
      needs: ['table-write'],
    },
    signInLocal: {
      entry: 'functions/consortia/sign-in-local.tsx',
      description: 'GET/POST /sign-in: pick a seeded user (local only; no password)',
      needs: [...tableRW, 'web'],
      only: 'local',
    },
    signIn: {
      entry: 'functions/consortia/sign-in-cognito.ts',
      description: "GET /sign-in: off to Cognito's managed login (PKCE)",
      needs: [...tableRW, 'sign-in'],
      only: 'aws',
    },
    authCallback: {
      entry: 'functions/consortia/auth-callback.tsx',
      description: 'GET /auth/callback: exchange the code, start a session',
      needs: [...tableRW, 'sign-in'],
      only: 'aws',
    },
    signOut: { entry: 'functions/consortia/sign-out.ts', description: 'POST /sign-out: end the session', needs: [...tableRW, 'web'] },
    settleConsortium: {
      entry: 'functions/consortia/settle-consortium.ts',
      description: 'Workflow task: activate or lapse the consortium and tell its members',
      needs: [...tableRW, 'mail'],
    },
  },
  routes: [
    { method: 'GET', path: '/me', fn: 'me', auth: 'staff' },
    { method: 'POST', path: '/organisations', fn: 'createOrganisation', auth: 'staff' },
    { method: 'GET', path: '/organisations', fn: 'listOrganisations', auth: 'staff' },
    { method: 'GET', path: '/organisations/{orgId}', fn: 'getOrganisation', auth: 'staff' },
    { method: 'POST', path: '/organisations/{orgId}/members', fn: 'addMember', auth: 'staff' },
    // The role first: the authorisation matrix asks routes in this order, and removing the member would leave no role to change.
    { method: 'PUT', path: '/organisations/{orgId}/members/{userId}/role', fn: 'changeMemberRole', auth: 'staff' },
    { method: 'DELETE', path: '/organisations/{orgId}/members/{userId}', fn: 'removeMember', auth: 'staff' },
    { method: 'POST', path: '/consortia', fn: 'createConsortium', auth: 'staff' },
    { method: 'GET', path: '/app/organisations', fn: 'consortiaPages', auth: 'page' },
    // Before `{orgId}`: locally the first full match wins (on AWS the literal path would win anyway).
    { method: 'GET', path: '/app/organisations/new', fn: 'consortiaPages', auth: 'page' },
    { method: 'POST', path: '/app/organisations/new', fn: 'consortiaPages', auth: 'page' },
    { method: 'GET', path: '/app/organisations/{orgId}', fn: 'consortiaPages', auth: 'page' },
    { method: 'GET', path: '/app/organisations/{orgId}/members/new', fn: 'consortiaPages', auth: 'page' },
    { method: 'POST', path: '/app/organisations/{orgId}/members/new', fn: 'consortiaPages', auth: 'page' },
    { method: 'GET', path: '/app/organisations/{orgId}/members/{userId}/role', fn: 'consortiaPages', auth: 'page' },
    { method: 'POST', path: '/app/organisations/{orgId}/members/{userId}/role', fn: 'consortiaPages', auth: 'page' },
    { method: 'GET', path: '/app/organisations/{orgId}/members/{userId}/remove', fn: 'consortiaPages', auth: 'page' },
    { method: 'POST', path: '/app/organisations/{orgId}/members/{userId}/remove', fn: 'consortiaPages', auth: 'page' },
    { method: 'GET', path: '/app/consortia/new', fn: 'consortiaPages', auth: 'page' },
    { method: 'POST', path: '/app/consortia/new', fn: 'consortiaPages', auth: 'page' },
    { method: 'GET', path: '/consortia/{consortiumId}', fn: 'getConsortium', auth: 'staff' },
    { method: 'POST', path: '/consortia/{consortiumId}/confirm', fn: 'confirmConsortium', auth: 'staff' },
    { method: 'GET', path: '/sign-in', fn: 'signInLocal', auth: 'public' },
    { method: 'POST', path: '/sign-in', fn: 'signInLocal', auth: 'public' },
    { method: 'GET', path: '/sign-in', fn: 'signIn', auth: 'public' },
    { method: 'GET', path: '/auth/callback', fn: 'authCallback', auth: 'public' },
    { method: 'POST', path: '/sign-out', fn: 'signOut', auth: 'public' },
  ],
  rules: [
    { id: 'StartConsortiumInvitation', detailTypes: ['consortium.created'], fn: 'startConsortiumWorkflow' },
    { id: 'ScheduleLeadReminder', detailTypes: ['consortium.invitations-sent'], fn: 'scheduleLeadReminder' },
  ],
  workflows: [
    {
      id: 'consortium-invitation',
      file: 'workflows/consortia-invitation.asl.json',
      substitutions: {
        SendInvitationsFunctionArn: 'sendInvitations',
        AwaitLeadConfirmationFunctionArn: 'awaitLeadConfirmation',
        SettleConsortiumFunctionArn: 'settleConsortium',
      },
    },
  ],
  events: consortiaEvents,
  eventNotes: consortiaEventNotes,
  linkKinds: [],
});
