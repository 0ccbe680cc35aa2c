import { keys as consortiaKeys } from '../consortia/keys';
import { gsi1, key, ordered } from '../platform/keys';

/** Keys of pools, their money (with each funder's share of a grant, under the grant), and rounds (docs/ARCHITECTURE.md). */
export const keys = {
  pool: (poolId: string) => key(`POOL#${poolId}`, 'POOL'),
  /** A consortium's pools. */
  poolIndex: (consortiumId: string, poolId: string) => gsi1(consortiaKeys.consortium(consortiumId).pk, `POOL#${poolId}`),
  pledge: (poolId: string, pledgeId: string) => key(`POOL#${poolId}`, `PLEDGE#${pledgeId}`),
  /** A funder's pledges across pools. */
  pledgeIndex: (funderOrgId: string, poolId: string, pledgeId: string) =>
    gsi1(consortiaKeys.organisation(funderOrgId).pk, `PLEDGE#${poolId}#${pledgeId}`),
  /** Money from one funder under one restriction: the unit restrictions and attribution work on. */
  bucket: (poolId: string, bucket: string) => key(`POOL#${poolId}`, `BUCKET#${bucket}`),
  /** Ledger entries in the order they were written: the sequence comes from the pool item. */
  ledgerEntry: (poolId: string, seq: number) => key(`POOL#${poolId}`, `LEDGER#${ordered(seq, 10)}`),
  /**
   * One funder's share of one grant, in the grant's partition (grants' `keys.grant`, spelled here
   * because pools sits below grants); the index lists a funder's shares for its statement.
   */
  grantShare: (grantId: string, bucket: string, funderOrgId: string, poolId: string) => ({
    ...key(`GRANT#${grantId}`, `SHARE#${bucket}`),
    ...gsi1(consortiaKeys.organisation(funderOrgId).pk, `SHARE#${poolId}#${grantId}`),
  }),
  round: (roundId: string) => key(`ROUND#${roundId}`, 'ROUND'),
  roundIndex: (poolId: string, roundId: string) => gsi1(`POOL#${poolId}`, `ROUND#${roundId}`),
  proposal: (roundId: string, proposalId: string) => key(`ROUND#${roundId}`, `PROPOSAL#${proposalId}`),
  vote: (roundId: string, orgId: string) => key(`ROUND#${roundId}`, `VOTE#${orgId}`),
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
