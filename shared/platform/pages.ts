import { config } from './config';

/** Where a staff page is, for emails to staff: a signed-out click goes through sign-in and comes back to it. */
export const staffPageUrl = (path: string): string => `${config.appUrl().replace(/\/$/, '')}${path}`;

/** The staff pages' paths, so emails and pages agree on them. */
export const staffPaths = {
  report: (reportId: string) => `/app/reports/${reportId}`,
  grant: (grantId: string) => `/app/grants/${grantId}`,
  round: (roundId: string) => `/app/rounds/${roundId}`,
  consortium: (consortiumId: string) => `/app/consortia/${consortiumId}`,
  /** A tender's overview; its other pages (sub-navigation) are where each job on it is done. */
  tender: (tenderId: string) => `/app/tenders/${tenderId}`,
  tenderClarifications: (tenderId: string) => `/app/tenders/${tenderId}/clarifications`,
  tenderBids: (tenderId: string) => `/app/tenders/${tenderId}/bids`,
  tenderAward: (tenderId: string) => `/app/tenders/${tenderId}/award`,
  /**
   * A contract's milestones sub-page, where evidence is decided and asked for: what staff emails
   * about a contract (an alert, evidence to decide, a decision), tasks and calendar entries link
   * to, since each is about a milestone. Its overview is `/app/contracts/{id}`.
   */
  contract: (contractId: string) => `/app/contracts/${contractId}/milestones`,
  /** The contract's KPIs sub-page: where ratings are recorded. */
  contractKpis: (contractId: string) => `/app/contracts/${contractId}/kpis`,
  councilContracts: (orgId: string) => `/app/councils/${orgId}/contracts`,
};
