import { gsi1, key } from '../platform/keys';
/** Keys of organisations, users, memberships and consortia (docs/ARCHITECTURE.md, "Access patterns"). */
export const keys = {
  organisation: (orgId: string) => key(`ORG#${orgId}`, 'ORG'),
  /** Organisations listed by kind, sorted by name. */
  organisationIndex: (kind: string, name: string, orgId: string) => gsi1(`ORGS#${kind}`, `${name.toLowerCase()}#${orgId}`),
  /** Uniqueness guard: one organisation per org-id identifier. */
  organisationIdentifier: (identifier: string) => key(`ORGID#${identifier}`, 'ORGID'),
  user: (userId: string) => key(`USER#${userId}`, 'USER'),
  /** Uniqueness guard and lookup: email → user id. */
  userEmail: (email: string) => key(`EMAIL#${email.toLowerCase()}`, 'EMAIL'),
  /** A user's memberships live under the user; the index lists an organisation's members. */
  membership: (userId: string, orgId: string) => ({
    ...key(`USER#${userId}`, `MEMBER#${orgId}`),
    ...gsi1(`ORG#${orgId}`, `MEMBER#${userId}`),
  }),
  consortium: (consortiumId: string) => key(`CONS#${consortiumId}`, 'CONS'),
  /** Members live under the consortium; the index lists the consortia an organisation is in. */
  consortiumMember: (consortiumId: string, orgId: string) => ({
    ...key(`CONS#${consortiumId}`, `MEMBER#${orgId}`),
    ...gsi1(`ORG#${orgId}`, `CONS#${consortiumId}`),
  }),
  memberPrefix: 'MEMBER#',
  consortiumPrefix: 'CONS#',
} as const;
