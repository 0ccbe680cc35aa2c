import { consortiumRoles } from '../../shared/consortia/consortium';
import { GIVING360_PREFIX, GIVING360_PREFIX_MAX, giving360PrefixRule } from '../../shared/consortia/giving360-prefix';
import { funderTypes, memberRoles, organisationKinds } from '../../shared/consortia/organisation';
import { deferred } from '../../shared/platform/lazy';
import { email, id, name } from '../lib/schemas';
import * as z from '../lib/zod';

export const orgIdPath = deferred(() => z.object({ orgId: id }));
export const consortiumIdPath = deferred(() => z.object({ consortiumId: id }));

export const newOrganisation = deferred(() =>
  z.strictObject({
    name,
    kind: z.enum(organisationKinds),
    funderType: z.optional(z.enum(funderTypes)),
    identifier: z.string().check(z.trim(), z.minLength(4), z.maxLength(80)),
    contactEmail: email,
  }),
);

export const listOrganisationsQuery = deferred(() => z.object({ kind: z.enum(organisationKinds) }));

// In the order the page asks (name, email, role): the error summary lists problems in the schema's order.
export const newMember = deferred(() => z.strictObject({ name, email, role: z.enum(memberRoles) }));

/** A member of an organisation's staff, by their user id. */
export const memberPath = deferred(() => z.object({ orgId: id, userId: id }));

export const memberRole = deferred(() => z.strictObject({ role: z.enum(memberRoles) }));

export const newConsortium = deferred(() =>
  z.strictObject({
    name,
    place: name,
    members: z
      .array(z.strictObject({ orgId: id, role: z.enum(consortiumRoles) }))
      .check(z.minLength(2, 'a consortium needs at least 2 member organisations'), z.maxLength(50)),
    quorumPercent: z.optional(z.int().check(z.gte(1), z.lte(100))),
  }),
);

/** An organisation's registered 360Giving prefix: the rule is the standard's (shared/consortia/giving360-prefix.ts), checked here for a 400 naming it. */
export const giving360Prefix = deferred(() =>
  z.strictObject({
    prefix: z.string().check(z.trim(), z.maxLength(GIVING360_PREFIX_MAX), z.regex(GIVING360_PREFIX, giving360PrefixRule)),
  }),
);
