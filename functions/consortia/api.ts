import { defineApi, idsPath } from '../lib/api';
import * as z from '../lib/zod';
import {
  consortiumIdPath,
  giving360Prefix,
  listOrganisationsQuery,
  memberPath,
  memberRole,
  newConsortium,
  newMember,
  newOrganisation,
  orgIdPath,
} from './schemas';
import * as views from './views';

const signInForm = '`email` (and `next`, a path under /app to return to). Locally only; on AWS Cognito signs staff in.';

export const consortiaApi = defineApi({
  'GET /me': {
    summary: 'The caller: their user and memberships, read from the table.',
    response: views.me,
  },
  'POST /organisations': {
    summary: 'A new organisation (platform admins).',
    status: 201,
    body: newOrganisation,
    response: views.organisation,
  },
  'GET /organisations': {
    summary: 'Organisations of one kind.',
    query: listOrganisationsQuery,
    response: views.organisations,
  },
  'GET /organisations/{orgId}': {
    summary: 'An organisation with its people and consortia (its own staff).',
    path: orgIdPath,
    response: views.organisationDetail,
  },
  'POST /organisations/{orgId}/members': {
    summary: 'Adds a person to an organisation with a role, creating the user on first sight (org admins).',
    status: 201,
    path: orgIdPath,
    body: newMember,
    response: views.memberAdded,
  },
  'PUT /organisations/{orgId}/members/{userId}/role': {
    summary: "Gives a member of an organisation's staff another role (org admins); an organisation's last admin cannot be demoted (409).",
    path: memberPath,
    body: memberRole,
    response: views.membership,
  },
  'DELETE /organisations/{orgId}/members/{userId}': {
    summary:
      "Takes a person off an organisation's staff (org admins); they can no longer act for it, at once. The last admin cannot be removed (409).",
    path: memberPath,
    response: views.memberRemoved,
  },
  'PUT /organisations/{orgId}/giving360-prefix': {
    summary:
      "Sets the organisation's registered 360Giving publisher prefix (360G-…), which its published grants' identifiers start with (org admins).",
    path: orgIdPath,
    body: giving360Prefix,
    response: views.giving360PrefixSet,
  },
  'GET /app/organisations/{orgId}/giving360-prefix': {
    summary: "The organisation's 360Giving publisher prefix, as a question page (its admins).",
    path: idsPath('orgId'),
  },
  'POST /app/organisations/{orgId}/giving360-prefix': {
    summary: "Sets the prefix, as PUT /organisations/{orgId}/giving360-prefix does; back to the organisation's page.",
    status: 303,
    path: idsPath('orgId'),
    form: '`csrf`, `action` (`prefix`) and `prefix`.',
  },
  'POST /consortia': {
    summary: 'Proposes a consortium; every member is invited by email.',
    status: 201,
    body: newConsortium,
    response: views.consortium,
  },
  'GET /app/consortia/new': {
    summary:
      'Propose a consortium: a question page (`?page=about|members|quorum`), check your answers (`?page=check`) or the confirmation (`?page=done&created=<consortiumId>`).',
  },
  'POST /app/consortia/new': {
    summary:
      "Propose a consortium: one question page's answers, kept with the session until the consortium is proposed from check your answers.",
    status: 303,
    form: "`csrf`, `page` (the question, or `check` to propose it), `do` (`continue`, `add`, `remove-<n>`) and that page's fields (`name`, `place`, `members.0.orgId` for the lead, `members.<n>.orgId` and `members.<n>.role` from 1, `quorumPercent`).",
  },
  'GET /consortia/{consortiumId}': {
    summary: 'A consortium, to its members.',
    path: consortiumIdPath,
    response: views.consortiumDetail,
  },
  'POST /consortia/{consortiumId}/confirm': {
    summary: "The lead's confirmation; the invitation workflow goes on.",
    status: 202,
    path: consortiumIdPath,
    response: views.confirmed,
  },
  'GET /app/organisations': {
    summary:
      'Organisations with their kind, org-id and number of staff: every one for a platform admin (with the start link to add one), otherwise your own.',
  },
  'GET /app/organisations/new': {
    summary:
      'Add an organisation (platform admins): a question page (`?page=kind|details`), check your answers (`?page=check`) or the confirmation (`?page=done&created=<orgId>`).',
  },
  'POST /app/organisations/new': {
    summary: "Add an organisation: one question page's answers, kept with the session until it is added from check your answers.",
    status: 303,
    form: "`csrf`, `page` (the question, or `check` to add the organisation) and that page's fields (`kind`, `funderType`, `name`, `identifier`, `contactEmail`).",
  },
  'GET /app/organisations/{orgId}': {
    summary: 'An organisation and its staff (its staff and platform admins); its admins get the links to add, change and remove staff.',
    path: idsPath('orgId'),
  },
  'GET /app/organisations/{orgId}/members/new': {
    summary:
      'Add a member of staff (its admins): the question page (`?page=person`), check your answers (`?page=check`) or the confirmation (`?page=done&created=<userId>`).',
    path: idsPath('orgId'),
  },
  'POST /app/organisations/{orgId}/members/new': {
    summary: 'Add a member of staff: the answers, kept with the session until they are added from check your answers.',
    status: 303,
    path: idsPath('orgId'),
    form: "`csrf`, `page` (`person`, or `check` to add them) and that page's fields (`name`, `email`, `role`).",
  },
  'GET /app/organisations/{orgId}/members/{userId}/role': {
    summary: "Change a member of staff's role (its admins).",
    path: idsPath('orgId', 'userId'),
  },
  'POST /app/organisations/{orgId}/members/{userId}/role': {
    summary: "Changes the role, as PUT /organisations/{orgId}/members/{userId}/role does; back to the organisation's page.",
    status: 303,
    path: idsPath('orgId', 'userId'),
    form: '`csrf`, `action` (`role`) and `role` (`admin`, `officer` or `viewer`).',
  },
  'GET /app/organisations/{orgId}/members/{userId}/remove': {
    summary: 'Are you sure you want to remove a member of staff? (its admins)',
    path: idsPath('orgId', 'userId'),
  },
  'POST /app/organisations/{orgId}/members/{userId}/remove': {
    summary: "Removes them, as DELETE /organisations/{orgId}/members/{userId} does; back to the organisation's page.",
    status: 303,
    path: idsPath('orgId', 'userId'),
    form: '`csrf` and `action` (`remove`).',
  },
  'GET /sign-in': {
    summary: 'Sign in: locally a page listing the seeded users; on AWS a redirect to Cognito.',
    produces: 'html',
    response: 'The sign-in page, or 303 to where the session goes.',
  },
  'POST /sign-in': { summary: 'Starts a session (local only).', status: 303, produces: 'redirect', form: signInForm },
  'GET /auth/callback': {
    summary: "Cognito's return with a code (AWS only): starts the session.",
    status: 303,
    produces: 'redirect',
    query: z.object({ code: z.optional(z.string()), state: z.optional(z.string()) }),
  },
  'POST /sign-out': { summary: 'Ends the session (from our own pages only).', status: 303, produces: 'redirect' },
});
