import * as z from 'zod/mini';
import { type Item, recordsOf, uniqueGuard } from '../platform/codec';
import { lazy } from '../platform/lazy';
import { type Consortium, type ConsortiumMember, consortiumRoles } from './consortium';
import { keys } from './keys';
import { funderTypes, memberRoles, type Organisation, organisationKinds } from './organisation';
import type { Membership, User } from './store';

/** The consortia feature's records: the only place their stored shapes are spelled (docs/ARCHITECTURE.md, "Record kinds"). */
const record = /* @__PURE__ */ recordsOf('consortia');

/** An organisation but for its creation time: the same stored and served (the API's organisation view spreads it). */
export const organisationIdentity = lazy(() => ({
  id: z.string(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  funderType: z.optional(z.enum(funderTypes)),
  identifier: z.string(),
  contactEmail: z.string(),
  // Issue 28: set later by its admins; items written before it read without one.
  giving360Prefix: z.optional(z.string()),
}));

export const organisationRecord = /* @__PURE__ */ record<Organisation>()('organisation', ['ORG#', 'ORG'], {
  schema: () => z.object({ ...organisationIdentity(), createdAt: z.string() }),
  keys: (o) => ({ ...keys.organisation(o.id), ...keys.organisationIndex(o.kind, o.name, o.id) }),
});

/** One organisation per org-id identifier: the guard points at it. */
export const organisationIdentifierRecord = /* @__PURE__ */ uniqueGuard(
  record,
  'organisation-identifier',
  ['ORGID#', 'ORGID'],
  'orgId',
  keys.organisationIdentifier,
);

export const userRecord = /* @__PURE__ */ record<User>()('user', ['USER#', 'USER'], {
  schema: () => z.object({ id: z.string(), email: z.string(), name: z.string(), platformAdmin: z.boolean(), createdAt: z.string() }),
  keys: (u) => keys.user(u.id),
});

/** One user per email: the guard points at them. */
export const userEmailRecord = /* @__PURE__ */ uniqueGuard(record, 'user-email', ['EMAIL#', 'EMAIL'], 'userId', keys.userEmail);

export const membershipRecord = /* @__PURE__ */ record<Membership>()('membership', ['USER#', 'MEMBER#'], {
  schema: () => z.object({ userId: z.string(), orgId: z.string(), role: z.enum(memberRoles), grantedAt: z.string() }),
  keys: (m) => keys.membership(m.userId, m.orgId),
});

/** Who and where a consortium is, and its status: the same stored and served (the API's consortium views spread it). */
export const consortiumIdentity = lazy(() => ({
  id: z.string(),
  name: z.string(),
  place: z.string(),
  leadOrgId: z.string(),
  status: z.enum(['inviting', 'active', 'lapsed']),
}));

/** The consortium item: everything but its members, who are items of their own beside it. */
export const consortiumRecord = /* @__PURE__ */ record<Omit<Consortium, 'members'>>()('consortium', ['CONS#', 'CONS'], {
  schema: () =>
    z.object({
      ...consortiumIdentity(),
      quorumPercent: z.number(),
      // The grants feature's (`ReportingPolicy`): it reads it with its own schema.
      reportingPolicy: z.optional(z.unknown()),
      createdAt: z.string(),
      createdBy: z.string(),
      version: z.number(),
      // A lapsed consortium was saved with `null` here: read as never activated.
      activatedAt: z.optional(
        z.pipe(
          z.nullable(z.string()),
          z.transform((at) => at ?? undefined),
        ),
      ),
    }),
  keys: (c) => keys.consortium(c.id),
});

export const consortiumMemberRecord = /* @__PURE__ */ record<ConsortiumMember & { consortiumId: string }>()(
  'consortium-member',
  ['CONS#', 'MEMBER#'],
  {
    schema: () => z.object({ consortiumId: z.string(), orgId: z.string(), role: z.enum(consortiumRoles) }),
    keys: (m) => keys.consortiumMember(m.consortiumId, m.orgId),
  },
);

/** A consortium from its partition (the consortium item and its members' items); undefined without the consortium item. */
export function consortiumOf(items: Item[], consortiumId: string): Consortium | undefined {
  const header = consortiumRecord.fromOptional(items.find((i) => i.sk === keys.consortium(consortiumId).sk));
  if (!header) return undefined;
  const members = items
    .filter((i) => String(i.sk).startsWith(keys.memberPrefix))
    .map((i) => {
      const { orgId, role } = consortiumMemberRecord.fromItem(i);
      return { orgId, role };
    });
  return { ...header, members };
}

/** Every record kind consortia owns (the ownership test reads their prefixes). */
export const records = [
  organisationRecord,
  organisationIdentifierRecord,
  userRecord,
  userEmailRecord,
  membershipRecord,
  consortiumRecord,
  consortiumMemberRecord,
];
