import { keys as consortiaKeys } from '../consortia/keys';

/** Keys of tenders, the providers who registered interest, clarification questions and bids (docs/ARCHITECTURE.md). */
export const keys = {
  tender: (tenderId: string) => ({
    pk: `TENDER#${tenderId}`,
    sk: 'TENDER',
  }),
  /** A consortium's tenders. */
  tenderIndex: (consortiumId: string, tenderId: string) => ({
    gsi1pk: consortiaKeys.consortium(consortiumId).pk,
    gsi1sk: `TENDER#${tenderId}`,
  }),
  /** A provider who registered interest (or was invited): the bidder's identity until a bid is awarded. */
  interest: (tenderId: string, interestId: string) => ({
    pk: `TENDER#${tenderId}`,
    sk: `INTEREST#${interestId}`,
  }),
  question: (tenderId: string, questionId: string) => ({
    pk: `TENDER#${tenderId}`,
    sk: `QUESTION#${questionId}`,
  }),
  /** One provider's bid (all the lots it bids for); replaced in place until the deadline. */
  bid: (tenderId: string, interestId: string) => ({
    pk: `TENDER#${tenderId}`,
    sk: `BID#${interestId}`,
  }),
  prefix: { tender: 'TENDER#', interest: 'INTEREST#', question: 'QUESTION#', bid: 'BID#' },
} as const;
