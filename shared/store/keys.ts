/**
 * Key builders for every entity, in one place (see docs/ARCHITECTURE.md, "Access patterns").
 * Each builder returns the primary key plus any index keys the entity is listed by.
 */
export const keys = {
  organisation: (orgId: string) => ({
    pk: `ORG#${orgId}`,
    sk: 'ORG',
  }),
  /** Organisations listed by kind, sorted by name. */
  organisationIndex: (kind: string, name: string, orgId: string) => ({
    gsi1pk: `ORGS#${kind}`,
    gsi1sk: `${name.toLowerCase()}#${orgId}`,
  }),
  /** Uniqueness guard: one organisation per org-id identifier. */
  organisationIdentifier: (identifier: string) => ({
    pk: `ORGID#${identifier}`,
    sk: 'ORGID',
  }),
  user: (userId: string) => ({
    pk: `USER#${userId}`,
    sk: 'USER',
  }),
  /** Uniqueness guard and lookup: email → user id. */
  userEmail: (email: string) => ({
    pk: `EMAIL#${email.toLowerCase()}`,
    sk: 'EMAIL',
  }),
  /** A user's memberships live under the user; the index lists an organisation's members. */
  membership: (userId: string, orgId: string) => ({
    pk: `USER#${userId}`,
    sk: `MEMBER#${orgId}`,
    gsi1pk: `ORG#${orgId}`,
    gsi1sk: `MEMBER#${userId}`,
  }),
  consortium: (consortiumId: string) => ({
    pk: `CONS#${consortiumId}`,
    sk: 'CONS',
  }),
  /** Members live under the consortium; the index lists the consortia an organisation is in. */
  consortiumMember: (consortiumId: string, orgId: string) => ({
    pk: `CONS#${consortiumId}`,
    sk: `MEMBER#${orgId}`,
    gsi1pk: `ORG#${orgId}`,
    gsi1sk: `CONS#${consortiumId}`,
  }),
  /** The open task token a workflow waits on, kept server-side so it never leaves in a URL. */
  waitingTask: (subject: string, purpose: string) => ({
    pk: subject,
    sk: `WAIT#${purpose}`,
  }),
  /** Idempotency marker: a side effect (e.g. one email) happens once per key. */
  once: (scope: string) => ({
    pk: `ONCE#${scope}`,
    sk: 'ONCE',
  }),
  /** Events sit under their aggregate (audit trail) and, by day, in gsi2 (feed for the router and demo). */
  event: (aggregatePk: string, occurredAt: string, eventId: string) => ({
    pk: aggregatePk,
    sk: `EVENT#${occurredAt}#${eventId}`,
    gsi2pk: `EVENTS#${occurredAt.slice(0, 10)}`,
    gsi2sk: `${occurredAt}#${eventId}`,
  }),
  eventPrefix: 'EVENT#',
  memberPrefix: 'MEMBER#',
} as const;
