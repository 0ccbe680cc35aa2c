import { consortiumRoles } from '../../shared/consortia/consortium';
import { funderTypes, memberRoles, organisationKinds } from '../../shared/consortia/organisation';
import { defineApi } from '../lib/api';
import * as z from '../lib/zod';
import { consortiumIdPath, listOrganisationsQuery, newConsortium, newMember, newOrganisation, orgIdPath } from './schemas';

const at = z.string().check(z.describe('an ISO 8601 date and time'));
const user = z.strictObject({ id: z.string(), email: z.string(), name: z.string(), platformAdmin: z.boolean(), createdAt: at });
const membership = z.strictObject({ userId: z.string(), orgId: z.string(), role: z.enum(memberRoles), grantedAt: at });
const organisation = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  funderType: z.optional(z.enum(funderTypes)),
  identifier: z.string(),
  contactEmail: z.string(),
  createdAt: at,
});
const consortiumFields = {
  id: z.string(),
  name: z.string(),
  place: z.string(),
  leadOrgId: z.string(),
  status: z.enum(['inviting', 'active', 'lapsed']),
  quorumPercent: z.int(),
  reportingPolicy: z.optional(z.looseObject({})),
  createdAt: at,
  createdBy: z.string(),
  version: z.int(),
  activatedAt: z.optional(at),
};
const consortium = z.strictObject({
  ...consortiumFields,
  members: z.array(z.strictObject({ orgId: z.string(), role: z.enum(consortiumRoles) })),
});

const signInForm = '`email` (and `next`, a path under /app to return to). Locally only; on AWS Cognito signs staff in.';

export const consortiaApi = defineApi({
  'GET /me': {
    summary: 'The caller: their user and memberships, read from the table.',
    response: z.strictObject({ user, memberships: z.array(membership) }),
  },
  'POST /organisations': { summary: 'A new organisation (platform admins).', status: 201, body: newOrganisation, response: organisation },
  'GET /organisations': {
    summary: 'Organisations of one kind.',
    query: listOrganisationsQuery,
    response: z.strictObject({ organisations: z.array(organisation) }),
  },
  'GET /organisations/{orgId}': {
    summary: 'An organisation with its people and consortia (its own staff).',
    path: orgIdPath,
    response: 'The organisation, with `members` (users and roles) and `consortia` (those it belongs to).',
  },
  'POST /organisations/{orgId}/members': {
    summary: 'Adds a person to an organisation with a role, creating the user on first sight (org admins).',
    status: 201,
    path: orgIdPath,
    body: newMember,
    response: z.strictObject({ user, membership }),
  },
  'POST /consortia': {
    summary: 'Proposes a consortium; every member is invited by email.',
    status: 201,
    body: newConsortium,
    response: consortium,
  },
  'GET /consortia/{consortiumId}': {
    summary: 'A consortium, to its members.',
    path: consortiumIdPath,
    response: z.strictObject({
      ...consortiumFields,
      members: z.array(
        z.strictObject({
          orgId: z.string(),
          role: z.enum(consortiumRoles),
          name: z.optional(z.string()),
          funderType: z.optional(z.enum(funderTypes)),
        }),
      ),
      awaitingConfirmationUntil: z.optional(at),
    }),
  },
  'POST /consortia/{consortiumId}/confirm': {
    summary: "The lead's confirmation; the invitation workflow goes on.",
    status: 202,
    path: consortiumIdPath,
    response: z.strictObject({ consortiumId: z.string(), confirmed: z.literal(true) }),
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
