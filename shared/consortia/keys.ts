/** Keys of organisations, users, memberships and consortia (docs/ARCHITECTURE.md, "Access patterns"). */
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
  memberPrefix: 'MEMBER#',
  consortiumPrefix: 'CONS#',
} as const;
