import { keys as consortiaKeys } from '../consortia/keys';
import { gsi1, key } from '../platform/keys';

/** Keys of contracts and each council's contract policy (docs/ARCHITECTURE.md, "Access patterns"). */
export const keys = {
  /** The whole contract: milestones, payments, KPIs and amendments live on it, saved under its version. */
  contract: (contractId: string) => key(`CONTRACT#${contractId}`, 'CONTRACT'),
  /** Which evidence link of a milestone is live now (only its hash): a new one revokes it. */
  milestoneLink: (contractId: string, milestoneId: string) => key(`CONTRACT#${contractId}`, `MILESTONE-LINK#${milestoneId}`),
  /** A council's contracts. */
  contractIndex: (councilOrgId: string, contractId: string) => gsi1(consortiaKeys.organisation(councilOrgId).pk, `CONTRACT#${contractId}`),
  /** How a council colours and alerts its contracts (RAG window, alert offsets). */
  policy: (councilOrgId: string) => key(consortiaKeys.organisation(councilOrgId).pk, 'CONTRACT-POLICY'),
  prefix: { contract: 'CONTRACT#' },
} as const;
