import { keys as consortiaKeys } from '../consortia/keys';

/** Keys of contracts and each council's contract policy (docs/ARCHITECTURE.md, "Access patterns"). */
export const keys = {
  /** The whole contract: milestones, payments, KPIs and amendments live on it, saved under its version. */
  contract: (contractId: string) => ({
    pk: `CONTRACT#${contractId}`,
    sk: 'CONTRACT',
  }),
  /** Which evidence link of a milestone is live now (only its hash): a new one revokes it. */
  milestoneLink: (contractId: string, milestoneId: string) => ({
    pk: `CONTRACT#${contractId}`,
    sk: `MILESTONE-LINK#${milestoneId}`,
  }),
  /** A council's contracts. */
  contractIndex: (councilOrgId: string, contractId: string) => ({
    gsi1pk: consortiaKeys.organisation(councilOrgId).pk,
    gsi1sk: `CONTRACT#${contractId}`,
  }),
  /** How a council colours and alerts its contracts (RAG window, alert offsets). */
  policy: (councilOrgId: string) => ({
    pk: consortiaKeys.organisation(councilOrgId).pk,
    sk: 'CONTRACT-POLICY',
  }),
  prefix: { contract: 'CONTRACT#' },
} as const;
