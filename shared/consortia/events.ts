import { defineEvents, eventMaker, subjectOf } from '../platform/events';
import * as z from '../platform/zod';
import { memberRoles, organisationKinds } from './organisation';

/** What consortia writes, each with its payload: what its consumers may rely on. */
export const consortiaEvents = /* @__PURE__ */ defineEvents('consortia', () => {
  const consortium = { consortiumId: z.string() };
  const membership = { userId: z.string(), orgId: z.string(), role: z.enum(memberRoles) };
  return {
    'organisation.created': {
      writtenBy: 'POST /organisations, or a recipient added while awarding',
      data: z.strictObject({ orgId: z.string(), kind: z.enum(organisationKinds) }),
    },
    'user.created': { writtenBy: 'adding a member (first sight of an email)', data: z.strictObject({ userId: z.string() }) },
    'membership.granted': { writtenBy: 'POST /organisations/{orgId}/members', data: z.strictObject(membership) },
    'membership.role-changed': {
      writtenBy: 'PUT /organisations/{orgId}/members/{userId}/role (or re-adding someone with another role)',
      data: z.strictObject({ ...membership, previousRole: z.enum(memberRoles) }),
    },
    'membership.revoked': { writtenBy: 'DELETE /organisations/{orgId}/members/{userId}', data: z.strictObject(membership) },
    'consortium.created': { writtenBy: 'POST /consortia', data: z.strictObject({ ...consortium, leadOrgId: z.string() }) },
    'consortium.invitations-sent': {
      writtenBy: 'workflow step SendInvitations',
      data: z.strictObject({ ...consortium, invited: z.int() }),
    },
    'consortium.reminder-sent': { writtenBy: 'scheduled reminder', data: z.strictObject({ ...consortium, to: z.string() }) },
    'consortium.activated': { writtenBy: 'workflow step Activate', data: z.strictObject(consortium) },
    'consortium.lapsed': { writtenBy: 'workflow step Lapse', data: z.strictObject(consortium) },
  };
});

export const makeEvent = /* @__PURE__ */ eventMaker(consortiaEvents);

export const subject = {
  organisation: (orgId: string) => subjectOf('organisation', orgId),
  user: (userId: string) => subjectOf('user', userId),
  consortium: (consortiumId: string) => subjectOf('consortium', consortiumId),
};
