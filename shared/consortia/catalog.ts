import { defineSlice, functionsIn, mailing, read, readWrite, route, workflow } from '../platform/catalog';
import { consortiaEventNotes, consortiaEvents } from './events';

const { api, open, handler, task, onEvent, scheduled, pages } = functionsIn('consortia');

const consortiumInvitation = workflow('consortium-invitation', 'workflows/consortia-invitation.asl.json', {
  sendInvitations: task('send-invitations', 'email every member organisation', mailing),
  awaitLeadConfirmation: task('await-lead-confirmation', 'store the task token for the lead confirmation', ['table-write']),
  settleConsortium: task('settle-consortium', 'activate or lapse the consortium and tell its members', mailing),
});

export const consortiaSlice = defineSlice({
  feature: 'consortia',
  summary: 'Identity and consortia: organisations (org-id checked), staff and roles, consortia formed by invitation.',
  functions: {
    me: api('me', 'GET /me', read),
    createOrganisation: api('create-organisation', 'POST /organisations', readWrite),
    listOrganisations: api('list-organisations', 'GET /organisations', read),
    getOrganisation: api('get-organisation', 'GET /organisations/{orgId}', read),
    addMember: api('add-member', 'POST /organisations/{orgId}/members', readWrite),
    // The role first: the authorisation matrix asks routes in this order, and removing the member would leave no role to change.
    changeMemberRole: api('change-member-role', 'PUT /organisations/{orgId}/members/{userId}/role', readWrite),
    removeMember: api('remove-member', 'DELETE /organisations/{orgId}/members/{userId}', readWrite),
    setGiving360Prefix: api('set-giving360-prefix', 'PUT /organisations/{orgId}/giving360-prefix', readWrite),
    consortiaPages: pages(
      'pages',
      "Pages: organisations (list, add one), an organisation's staff (add, change a role, remove) and 360Giving prefix, proposing a consortium",
      [
        'GET /app/organisations',
        // Before `{orgId}`: locally the first full match wins (on AWS the literal path would win anyway).
        'GET POST /app/organisations/new',
        'GET /app/organisations/{orgId}',
        'GET POST /app/organisations/{orgId}/members/new',
        'GET POST /app/organisations/{orgId}/members/{userId}/role',
        'GET POST /app/organisations/{orgId}/members/{userId}/remove',
        'GET POST /app/organisations/{orgId}/giving360-prefix',
        'GET POST /app/consortia/new',
      ],
    ),
    createConsortium: api('create-consortium', 'POST /consortia', readWrite),
    getConsortium: api('get-consortium', 'GET /consortia/{consortiumId}', read),
    confirmConsortium: api('confirm-consortium', 'POST /consortia/{consortiumId}/confirm', [...readWrite, 'task-callback']),
    startConsortiumWorkflow: onEvent('start-invitation-workflow', 'consortium.created → start the invitation workflow', [
      { startWorkflow: 'consortium-invitation' },
    ]),
    scheduleLeadReminder: onEvent('schedule-lead-reminder', 'consortium.invitations-sent → one-time reminder schedule', [
      { schedules: 'sendLeadReminder' },
    ]),
    sendLeadReminder: scheduled('send-lead-reminder', 'remind the lead to confirm', mailing),
    ...consortiumInvitation.tasks,
    signInLocal: handler('sign-in-local.tsx', 'GET/POST /sign-in: pick a seeded user (local only; no password)', [...readWrite, 'web'], {
      only: 'local',
    }),
    signIn: open('sign-in-cognito', "GET /sign-in: off to Cognito's managed login (PKCE)", [...readWrite, 'sign-in'], { only: 'aws' }),
    authCallback: open('auth-callback.tsx', 'GET /auth/callback: exchange the code, start a session', [...readWrite, 'sign-in'], {
      only: 'aws',
    }),
    signOut: open('sign-out', 'POST /sign-out: end the session', [...readWrite, 'web']),
  },
  routes: [route.public('GET POST /sign-in', 'signInLocal')],
  ruleIds: { startConsortiumWorkflow: 'StartConsortiumInvitation' },
  workflows: [consortiumInvitation.spec],
  events: consortiaEvents,
  eventNotes: consortiaEventNotes,
});
