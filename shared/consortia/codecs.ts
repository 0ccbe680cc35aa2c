import * as z from 'zod/mini';
import { type Item, recordCodec } from '../platform/codec';
import { type Consortium, type ConsortiumMember, consortiumRoles } from './consortium';
import { keys } from './keys';
import { funderTypes, memberRoles, type Organisation, organisationKinds } from './organisation';
import type { Membership, User } from './store';

/** The consortia feature's records: the only place their stored shapes are spelled (docs/ARCHITECTURE.md, "Record kinds"). */
const owner = 'consortia';

/** An organisation but for its creation time: the same stored and served (the API's organisation view spreads it). */
export const organisationIdentity = {
  id: z.string(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  funderType: z.optional(z.enum(funderTypes)),
  identifier: z.string(),
  contactEmail: z.string(),
};

export const organisationRecord = /* @__PURE__ */ recordCodec<Organisation>()({
  owner,
  kind: 'organisation',
  version: 1,
  prefix: { pk: 'ORG#', sk: 'ORG' },
  schema: z.object({ ...organisationIdentity, createdAt: z.string() }),
  keys: (o) => ({ ...keys.organisation(o.id), ...keys.organisationIndex(o.kind, o.name, o.id) }),
});

/** One organisation per org-id identifier: the guard points at it. */
export const organisationIdentifierRecord = /* @__PURE__ */ recordCodec<{ orgId: string }, [identifier: string]>()({
  owner,
  kind: 'organisation-identifier',
  version: 1,
  prefix: { pk: 'ORGID#', sk: 'ORGID' },
  schema: z.object({ orgId: z.string() }),
  keys: (_g, identifier) => keys.organisationIdentifier(identifier),
});

export const userRecord = /* @__PURE__ */ recordCodec<User>()({
  owner,
  kind: 'user',
  version: 1,
  prefix: { pk: 'USER#', sk: 'USER' },
  schema: z.object({ id: z.string(), email: z.string(), name: z.string(), platformAdmin: z.boolean(), createdAt: z.string() }),
  keys: (u) => keys.user(u.id),
});

/** One user per email: the guard points at them. */
export const userEmailRecord = /* @__PURE__ */ recordCodec<{ userId: string }, [email: string]>()({
  owner,
  kind: 'user-email',
  version: 1,
  prefix: { pk: 'EMAIL#', sk: 'EMAIL' },
  schema: z.object({ userId: z.string() }),
  keys: (_g, email) => keys.userEmail(email),
});

export const membershipRecord = /* @__PURE__ */ recordCodec<Membership>()({
  owner,
  kind: 'membership',
  version: 1,
  prefix: { pk: 'USER#', sk: 'MEMBER#' },
  schema: z.object({ userId: z.string(), orgId: z.string(), role: z.enum(memberRoles), grantedAt: z.string() }),
  keys: (m) => keys.membership(m.userId, m.orgId),
});

/** Who and where a consortium is, and its status: the same stored and served (the API's consortium views spread it). */
export const consortiumIdentity = {
  id: z.string(),
  name: z.string(),
  place: z.string(),
  leadOrgId: z.string(),
  status: z.enum(['inviting', 'active', 'lapsed']),
};

/** The consortium item: everything but its members, who are items of their own beside it. */
export const consortiumRecord = /* @__PURE__ */ recordCodec<Omit<Consortium, 'members'>>()({
  owner,
  kind: 'consortium',
  version: 1,
  prefix: { pk: 'CONS#', sk: 'CONS' },
  schema: z.object({
    ...consortiumIdentity,
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

export const consortiumMemberRecord = /* @__PURE__ */ recordCodec<ConsortiumMember & { consortiumId: string }>()({
  owner,
  kind: 'consortium-member',
  version: 1,
  prefix: { pk: 'CONS#', sk: 'MEMBER#' },
  schema: z.object({ consortiumId: z.string(), orgId: z.string(), role: z.enum(consortiumRoles) }),
  keys: (m) => keys.consortiumMember(m.consortiumId, m.orgId),
});

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
