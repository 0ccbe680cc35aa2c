import { keys as consortiaKeys } from '../consortia/keys';

/** Keys of pools, their money (with each funder's share of a grant, under the grant), and rounds (docs/ARCHITECTURE.md). */
export const keys = {
  pool: (poolId: string) => ({
    pk: `POOL#${poolId}`,
    sk: 'POOL',
  }),
  /** A consortium's pools. */
  poolIndex: (consortiumId: string, poolId: string) => ({
    gsi1pk: consortiaKeys.consortium(consortiumId).pk,
    gsi1sk: `POOL#${poolId}`,
  }),
  pledge: (poolId: string, pledgeId: string) => ({
    pk: `POOL#${poolId}`,
    sk: `PLEDGE#${pledgeId}`,
  }),
  /** A funder's pledges across pools. */
  pledgeIndex: (funderOrgId: string, poolId: string, pledgeId: string) => ({
    gsi1pk: consortiaKeys.organisation(funderOrgId).pk,
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
  /**
   * One funder's share of one grant, in the grant's partition (grants' `keys.grant`, spelled here
   * because pools sits below grants); the index lists a funder's shares for its statement.
   */
  grantShare: (grantId: string, bucket: string, funderOrgId: string, poolId: string) => ({
    pk: `GRANT#${grantId}`,
    sk: `SHARE#${bucket}`,
    gsi1pk: consortiaKeys.organisation(funderOrgId).pk,
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
  prefix: {
    pledge: 'PLEDGE#',
    bucket: 'BUCKET#',
    ledger: 'LEDGER#',
    share: 'SHARE#',
    pool: 'POOL#',
    round: 'ROUND#',
    proposal: 'PROPOSAL#',
    vote: 'VOTE#',
  },
} as const;
