import { keys as consortiaKeys } from '../consortia/keys';
import { gsi1, key } from '../platform/keys';

/** Keys of tenders, the providers who registered interest, clarification questions and bids (docs/ARCHITECTURE.md). */
export const keys = {
  tender: (tenderId: string) => key(`TENDER#${tenderId}`, 'TENDER'),
  /** A consortium's tenders. */
  tenderIndex: (consortiumId: string, tenderId: string) => gsi1(consortiaKeys.consortium(consortiumId).pk, `TENDER#${tenderId}`),
  /** A provider who registered interest (or was invited): the bidder's identity until a bid is awarded. */
  interest: (tenderId: string, interestId: string) => key(`TENDER#${tenderId}`, `INTEREST#${interestId}`),
  question: (tenderId: string, questionId: string) => key(`TENDER#${tenderId}`, `QUESTION#${questionId}`),
  /** One provider's bid (all the lots it bids for); replaced in place until the deadline. */
  bid: (tenderId: string, interestId: string) => key(`TENDER#${tenderId}`, `BID#${interestId}`),
  prefix: { tender: 'TENDER#', interest: 'INTEREST#', question: 'QUESTION#', bid: 'BID#' },
} as const;
