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
  pool: (poolId: string) => ({
    pk: `POOL#${poolId}`,
    sk: 'POOL',
  }),
  /** A consortium's pools. */
  poolIndex: (consortiumId: string, poolId: string) => ({
    gsi1pk: `CONS#${consortiumId}`,
    gsi1sk: `POOL#${poolId}`,
  }),
  pledge: (poolId: string, pledgeId: string) => ({
    pk: `POOL#${poolId}`,
    sk: `PLEDGE#${pledgeId}`,
  }),
  /** A funder's pledges across pools. */
  pledgeIndex: (funderOrgId: string, poolId: string, pledgeId: string) => ({
    gsi1pk: `ORG#${funderOrgId}`,
    gsi1sk: `PLEDGE#${poolId}#${pledgeId}`,
  }),
  /** Money from one funder under one restriction: the unit restrictions and attribution work on. */
  bucket: (poolId: string, bucket: string) => ({
    pk: `POOL#${poolId}`,
    sk: `BUCKET#${bucket}`,
  }),
  /** Ledger entries in the order they were written: the sequence comes from the pool item. */
  ledgerEntry: (poolId: string, seq: number) => ({
    pk: `POOL#${poolId}`,
    sk: `LEDGER#${String(seq).padStart(10, '0')}`,
  }),
  grant: (grantId: string) => ({
    pk: `GRANT#${grantId}`,
    sk: 'GRANT',
  }),
  /** A pool's grants; and, on gsi2, the grants an organisation received. */
  grantIndex: (poolId: string, grantId: string, recipientOrgId: string) => ({
    gsi1pk: `POOL#${poolId}`,
    gsi1sk: `GRANT#${grantId}`,
    gsi2pk: `RECIPIENT#${recipientOrgId}`,
    gsi2sk: `GRANT#${grantId}`,
  }),
  /** One funder's share of one grant; the index lists a funder's shares for its statement. */
  grantShare: (grantId: string, bucket: string, funderOrgId: string, poolId: string) => ({
    pk: `GRANT#${grantId}`,
    sk: `SHARE#${bucket}`,
    gsi1pk: `ORG#${funderOrgId}`,
    gsi1sk: `SHARE#${poolId}#${grantId}`,
  }),
  round: (roundId: string) => ({
    pk: `ROUND#${roundId}`,
    sk: 'ROUND',
  }),
  roundIndex: (poolId: string, roundId: string) => ({
    gsi1pk: `POOL#${poolId}`,
    gsi1sk: `ROUND#${roundId}`,
  }),
  proposal: (roundId: string, proposalId: string) => ({
    pk: `ROUND#${roundId}`,
    sk: `PROPOSAL#${proposalId}`,
  }),
  vote: (roundId: string, orgId: string) => ({
    pk: `ROUND#${roundId}`,
    sk: `VOTE#${orgId}`,
  }),
  condition: (grantId: string, conditionId: string) => ({
    pk: `GRANT#${grantId}`,
    sk: `COND#${conditionId}`,
  }),
  tranche: (grantId: string, seq: number) => ({
    pk: `GRANT#${grantId}`,
    sk: `TRANCHE#${String(seq).padStart(3, '0')}`,
  }),
  amendment: (grantId: string, at: string, id: string) => ({
    pk: `GRANT#${grantId}`,
    sk: `AMEND#${at}#${id}`,
  }),
  report: (reportId: string) => ({
    pk: `REPORT#${reportId}`,
    sk: 'REPORT',
  }),
  /** A grant's reports by due date; and, on gsi2, a consortium's reports by status (what is overdue). */
  reportIndex: (grantId: string, consortiumId: string, status: string, dueDate: string, reportId: string) => ({
    gsi1pk: `GRANT#${grantId}`,
    gsi1sk: `REPORT#${dueDate}#${reportId}`,
    gsi2pk: `REPORTS#${consortiumId}#${status}`,
    gsi2sk: `${dueDate}#${reportId}`,
  }),
  submission: (reportId: string, n: number) => ({
    pk: `REPORT#${reportId}`,
    sk: `SUBMISSION#${String(n).padStart(3, '0')}`,
  }),
  review: (reportId: string, n: number) => ({
    pk: `REPORT#${reportId}`,
    sk: `REVIEW#${String(n).padStart(3, '0')}`,
  }),
  draft: (reportId: string) => ({
    pk: `REPORT#${reportId}`,
    sk: 'DRAFT',
  }),
  /** An emailed link, by the SHA-256 of its token (the token itself is never stored). */
  link: (hash: string) => ({
    pk: `LINK#${hash}`,
    sk: 'LINK',
  }),
  eventPrefix: 'EVENT#',
  memberPrefix: 'MEMBER#',
} as const;
