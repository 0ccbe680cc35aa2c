import { gsi1, gsi2, key, ordered } from '../platform/keys';
import { keys as poolsKeys } from '../pools/keys';

const conditionsToDecide = (consortiumId: string) => `CONDITIONS-TO-DECIDE#${consortiumId}`;

/**
 * Keys of a grant and what its plan adds under it (conditions, tranches, amendments)
 * (docs/ARCHITECTURE.md, "Access patterns"). The reports it owes are keyed by reporting.
 */
export const keys = {
  grant: (grantId: string) => key(`GRANT#${grantId}`, 'GRANT'),
  /** A pool's grants (gsi1, in the pool's partition of the index); and, on gsi2, the grants an organisation received. */
  grantIndex: (poolId: string, grantId: string, recipientOrgId: string) => ({
    ...gsi1(poolsKeys.pool(poolId).pk, `GRANT#${grantId}`),
    ...gsi2(`RECIPIENT#${recipientOrgId}`, `GRANT#${grantId}`),
  }),
  condition: (grantId: string, conditionId: string) => key(`GRANT#${grantId}`, `COND#${conditionId}`),
  /** A condition whose evidence waits for the lead's decision: a sparse item beside it, deleted with the decision. */
  conditionToDecide: (grantId: string, conditionId: string) => key(`GRANT#${grantId}`, `DECIDE#${conditionId}`),
  /** …listed by consortium on gsi2, oldest evidence first ("what needs me"). */
  conditionToDecideIndex: (consortiumId: string, submittedAt: string, grantId: string, conditionId: string) =>
    gsi2(conditionsToDecide(consortiumId), `${submittedAt}#${grantId}#${conditionId}`),
  /** The gsi2 partition of a consortium's conditions waiting for a decision. */
  conditionsToDecide,
  tranche: (grantId: string, seq: number) => key(`GRANT#${grantId}`, `TRANCHE#${ordered(seq, 3)}`),
  amendment: (grantId: string, at: string, id: string) => key(`GRANT#${grantId}`, `AMEND#${at}#${id}`),
  prefix: { grant: 'GRANT#', condition: 'COND#', tranche: 'TRANCHE#', amendment: 'AMEND#' },
} as const;
