import { defineEvents, type EventNotes, eventMaker, subjectOf } from '../platform/events';
import * as z from '../platform/zod';
import { memberRoles, organisationKinds } from './organisation';

/** What consortia writes, each with its payload: what its consumers may rely on. */
export const consortiaEvents = /* @__PURE__ */ defineEvents('consortia', () => {
  const consortium = { consortiumId: z.string() };
  const membership = { userId: z.string(), orgId: z.string(), role: z.enum(memberRoles) };
  return {
    'organisation.created': z.strictObject({ orgId: z.string(), kind: z.enum(organisationKinds) }),
    'organisation.prefix-set': z.strictObject({ orgId: z.string(), prefix: z.string(), previous: z.optional(z.string()) }),
    'user.created': z.strictObject({ userId: z.string() }),
    'membership.granted': z.strictObject(membership),
    'membership.role-changed': z.strictObject({ ...membership, previousRole: z.enum(memberRoles) }),
    'membership.revoked': z.strictObject(membership),
    'consortium.created': z.strictObject({ ...consortium, leadOrgId: z.string() }),
    'consortium.invitations-sent': z.strictObject({ ...consortium, invited: z.int() }),
    'consortium.reminder-sent': z.strictObject({ ...consortium, to: z.string() }),
    'consortium.activated': z.strictObject(consortium),
    'consortium.lapsed': z.strictObject(consortium),
  };
});

/**
 * Who writes each type, and what a field means beyond its type: for the event catalogue in
 * docs/ARCHITECTURE.md only (through the catalog slice), so no Lambda bundle carries the prose.
 */
export const consortiaEventNotes: EventNotes<typeof consortiaEvents> = {
  'organisation.created': { writtenBy: 'POST /organisations, or a recipient added while awarding' },
  'organisation.prefix-set': {
    writtenBy: 'PUT /organisations/{orgId}/giving360-prefix (its admins, or a platform admin)',
    fields: { prefix: 'its registered 360Giving publisher prefix (360G-…)', previous: 'the prefix it replaced, if it had one' },
  },
  'user.created': { writtenBy: 'adding a member (first sight of an email)' },
  'membership.granted': { writtenBy: 'POST /organisations/{orgId}/members' },
  'membership.role-changed': { writtenBy: 'PUT /organisations/{orgId}/members/{userId}/role (or re-adding someone with another role)' },
  'membership.revoked': { writtenBy: 'DELETE /organisations/{orgId}/members/{userId}' },
  'consortium.created': { writtenBy: 'POST /consortia' },
  'consortium.invitations-sent': { writtenBy: 'workflow step SendInvitations' },
  'consortium.reminder-sent': { writtenBy: 'scheduled reminder' },
  'consortium.activated': { writtenBy: 'workflow step Activate' },
  'consortium.lapsed': { writtenBy: 'workflow step Lapse' },
};

export const makeEvent = /* @__PURE__ */ eventMaker(consortiaEvents);

export const subject = {
  organisation: (orgId: string) => subjectOf('organisation', orgId),
  user: (userId: string) => subjectOf('user', userId),
  consortium: (consortiumId: string) => subjectOf('consortium', consortiumId),
};
