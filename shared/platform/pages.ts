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
  contract: (contractId: string) => `/app/contracts/${contractId}`,
  councilContracts: (orgId: string) => `/app/councils/${orgId}/contracts`,
};
