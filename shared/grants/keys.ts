import { keys as poolsKeys } from '../pools/keys';

const conditionsToDecide = (consortiumId: string) => `CONDITIONS-TO-DECIDE#${consortiumId}`;

/**
 * Keys of what a grant's plan adds under the grant (conditions, tranches, amendments) and of
 * the reports it owes (docs/ARCHITECTURE.md, "Access patterns").
 */
export const keys = {
  grant: poolsKeys.grant,
  condition: (grantId: string, conditionId: string) => ({
    pk: poolsKeys.grant(grantId).pk,
    sk: `COND#${conditionId}`,
  }),
  /** A condition whose evidence waits for the lead's decision: a sparse item beside it, deleted with the decision. */
  conditionToDecide: (grantId: string, conditionId: string) => ({
    pk: poolsKeys.grant(grantId).pk,
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
    pk: poolsKeys.grant(grantId).pk,
    sk: `TRANCHE#${String(seq).padStart(3, '0')}`,
  }),
  amendment: (grantId: string, at: string, id: string) => ({
    pk: poolsKeys.grant(grantId).pk,
    sk: `AMEND#${at}#${id}`,
  }),
  report: (reportId: string) => ({
    pk: `REPORT#${reportId}`,
    sk: 'REPORT',
  }),
  /** A grant's reports by due date; and, on gsi2, a consortium's reports by status (what is overdue). */
  reportIndex: (grantId: string, consortiumId: string, status: string, dueDate: string, reportId: string) => ({
    gsi1pk: poolsKeys.grant(grantId).pk,
    gsi1sk: `REPORT#${dueDate}#${reportId}`,
    gsi2pk: `REPORTS#${consortiumId}#${status}`,
    gsi2sk: `${dueDate}#${reportId}`,
  }),
  prefix: { condition: 'COND#', tranche: 'TRANCHE#', amendment: 'AMEND#', report: 'REPORT#' },
} as const;
