import { keys as poolsKeys } from '../pools/keys';

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
