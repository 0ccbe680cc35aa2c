import { keys as poolsKeys } from '../pools/keys';

const conditionsToDecide = (consortiumId: string) => `CONDITIONS-TO-DECIDE#${consortiumId}`;

/**
 * Keys of a grant and what its plan adds under it (conditions, tranches, amendments)
 * (docs/ARCHITECTURE.md, "Access patterns"). The reports it owes are keyed by reporting.
 */
export const keys = {
  grant: (grantId: string) => ({
    pk: `GRANT#${grantId}`,
    sk: 'GRANT',
  }),
  /** A pool's grants (gsi1, in the pool's partition of the index); and, on gsi2, the grants an organisation received. */
  grantIndex: (poolId: string, grantId: string, recipientOrgId: string) => ({
    gsi1pk: poolsKeys.pool(poolId).pk,
    gsi1sk: `GRANT#${grantId}`,
    gsi2pk: `RECIPIENT#${recipientOrgId}`,
    gsi2sk: `GRANT#${grantId}`,
  }),
  condition: (grantId: string, conditionId: string) => ({
    pk: `GRANT#${grantId}`,
    sk: `COND#${conditionId}`,
  }),
  /** A condition whose evidence waits for the lead's decision: a sparse item beside it, deleted with the decision. */
  conditionToDecide: (grantId: string, conditionId: string) => ({
    pk: `GRANT#${grantId}`,
    sk: `DECIDE#${conditionId}`,
  }),
  /** …listed by consortium on gsi2, oldest evidence first ("what needs me"). */
  conditionToDecideIndex: (consortiumId: string, submittedAt: string, grantId: string, conditionId: string) => ({
    gsi2pk: conditionsToDecide(consortiumId),
    gsi2sk: `${submittedAt}#${grantId}#${conditionId}`,
  }),
  /** The gsi2 partition of a consortium's conditions waiting for a decision. */
  conditionsToDecide,
  tranche: (grantId: string, seq: number) => ({
    pk: `GRANT#${grantId}`,
    sk: `TRANCHE#${String(seq).padStart(3, '0')}`,
  }),
  amendment: (grantId: string, at: string, id: string) => ({
    pk: `GRANT#${grantId}`,
    sk: `AMEND#${at}#${id}`,
  }),
  prefix: { grant: 'GRANT#', condition: 'COND#', tranche: 'TRANCHE#', amendment: 'AMEND#' },
} as const;
